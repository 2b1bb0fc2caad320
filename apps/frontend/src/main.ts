import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';

const start = () => bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));

// Angular replaces index.html's static first paint when it starts. Starting once that paint is on screen
// keeps it the largest contentful paint (a text painted and removed within one frame is not counted, and
// Angular's identical banner is not larger), and keeps start-up out of the task that runs the scripts. A
// hidden tab paints no frames: it starts at once.
if (document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(start));
else void start();
