import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app';
import { appConfig } from './app.config';

export function start(): void {
  bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));
}
