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
  template: `
    <div class="editor-page">
      <div class="container page">
        <div class="row">
          <div class="col-md-10 offset-md-1 col-xs-12">
            <h1 class="sr-only">{{ slug() ? 'Edit article' : 'New article' }}</h1>
            @if (existing.isLoading()) {
              <div class="feed-status" role="status">Loading article…</div>
            } @else if (existing.error()) {
              <app-error-list [errors]="loadErrors()" />
            } @else {
              <app-error-list [errors]="submission.errors()" />

              <form [formGroup]="form" (ngSubmit)="publish()">
                <fieldset [disabled]="submission.busy()">
                  <fieldset class="form-group">
                    <label class="sr-only" for="editor-title">Article Title</label>
                    <input
                      id="editor-title"
                      type="text"
                      class="form-control form-control-lg"
                      name="title"
                      placeholder="Article Title"
                      formControlName="title"
                    />
                  </fieldset>
                  <fieldset class="form-group">
                    <label class="sr-only" for="editor-description">What's this article about?</label>
                    <input
                      id="editor-description"
                      type="text"
                      class="form-control"
                      name="description"
                      placeholder="What's this article about?"
                      formControlName="description"
                    />
                  </fieldset>
                  <fieldset class="form-group">
                    <label class="sr-only" for="editor-body">Write your article (in markdown)</label>
                    <textarea
                      id="editor-body"
                      class="form-control"
                      rows="8"
                      name="body"
                      placeholder="Write your article (in markdown)"
                      formControlName="body"
                    ></textarea>
                  </fieldset>
                  <fieldset class="form-group">
                    <label class="sr-only" for="editor-tags">Enter tags (press Enter to add each one)</label>
                    <input
                      id="editor-tags"
                      type="text"
                      class="form-control"
                      name="tags"
                      placeholder="Enter tags"
                      autocomplete="off"
                      [formControl]="tagField"
                      (keydown.enter)="addTag($event)"
                    />
                    <div class="tag-list">
                      @for (tag of tags(); track tag) {
                        <span class="tag-default tag-pill">
                          <button
                            type="button"
                            class="tag-remove"
                            [attr.aria-label]="'Remove tag ' + tag"
                            (click)="removeTag(tag)"
                          >
                            <i class="ion-close-round" aria-hidden="true"></i>
                          </button>
                          {{ tag }}
                        </span>
                      }
                    </div>
                  </fieldset>
                  <button class="btn btn-lg pull-xs-right btn-primary" type="submit">Publish Article</button>
                </fieldset>
              </form>
            }
          </div>
        </div>
      </div>
    </div>
  `,
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
