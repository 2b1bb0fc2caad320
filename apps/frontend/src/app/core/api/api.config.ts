import { InjectionToken } from '@angular/core';

/** Where the API lives. Same origin by default: nginx, the embedded backend and `ng serve` proxy `/api`. */
export const API_URL = new InjectionToken<string>('API_URL', { factory: () => '/api' });
