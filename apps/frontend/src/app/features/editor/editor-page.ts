import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { of } from 'rxjs';
import { ArticlesApi } from '../../core/api/articles-api';
import { errorMessages } from '../../core/api/api-errors';
import { ErrorList } from '../../shared/error-list';
import { Submission } from '../../shared/submission';

/** `/editor` writes a new article, `/editor/:slug` edits one. */
@Component({
  selector: 'app-editor-page',
  imports: [ReactiveFormsModule, ErrorList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './editor-page.html',
})
export class EditorPage {
  private readonly api = inject(ArticlesApi);
  private readonly router = inject(Router);

  /** Route parameter: present when editing. */
  readonly slug = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: [''],
    description: [''],
    body: [''],
  });
  protected readonly tags = signal<string[]>([]);
  protected readonly tagField = new FormControl('', { nonNullable: true });
  protected readonly submission = new Submission();

  protected readonly existing = rxResource({
    params: () => this.slug(),
    stream: ({ params: slug }) => (slug ? this.api.get(slug) : of(undefined)),
  });
  protected readonly loadErrors = computed(() => errorMessages(this.existing.error()));

  constructor() {
    effect(() => {
      const article = this.existing.hasValue() ? this.existing.value() : undefined;
      if (!article) return;
      this.form.setValue({
        title: article.title,
        description: article.description,
        body: article.body ?? '',
      });
      this.tags.set([...article.tagList]);
    });
  }

  protected addTag(event: Event): void {
    // Enter in the tag field adds a tag; it must not submit the form.
    event.preventDefault();
    this.commitTagInput();
  }

  protected removeTag(tag: string): void {
    this.tags.update((tags) => tags.filter((t) => t !== tag));
  }

  protected publish(): void {
    this.commitTagInput();
    const draft = { ...this.form.getRawValue(), tagList: this.tags() };
    const slug = this.slug();
    const request = slug ? this.api.update(slug, draft) : this.api.create(draft);
    this.submission.run(request, (article) => void this.router.navigate(['/article', article.slug]));
  }

  private commitTagInput(): void {
    const tag = this.tagField.value.trim();
    if (tag && !this.tags().includes(tag)) this.tags.update((tags) => [...tags, tag]);
    this.tagField.setValue('');
  }
}
