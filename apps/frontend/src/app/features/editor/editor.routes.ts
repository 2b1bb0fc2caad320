import type { Routes } from '@angular/router';
import { EditorPage } from './editor-page';

export const editorRoutes: Routes = [
  { path: '', title: 'New article — Conduit', component: EditorPage },
  { path: ':slug', title: 'Edit article — Conduit', component: EditorPage },
];
