import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Page links that only change `?page=` in the URL (page 1 drops it), so reload and back keep the page. */
@Component({
  selector: 'app-pagination',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (pages().length > 1) {
      <nav aria-label="Pages">
        <ul class="pagination">
          @for (page of pages(); track page) {
            <li class="page-item" [class.active]="page === current()">
              <a
                class="page-link"
                [routerLink]="[]"
                [queryParams]="{ page: page === 1 ? null : page }"
                queryParamsHandling="merge"
                [attr.aria-current]="page === current() ? 'page' : null"
                [attr.aria-label]="'Page ' + page"
                >{{ page }}</a
              >
            </li>
          }
        </ul>
      </nav>
    }
  `,
})
export class Pagination {
  readonly total = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly current = input.required<number>();

  protected readonly pages = computed(() => {
    const count = Math.ceil(this.total() / this.pageSize());
    return Array.from({ length: count }, (_, i) => i + 1);
  });
}

/** `?page=` as a page number: anything missing or invalid is page 1. */
export function pageFromQuery(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}
