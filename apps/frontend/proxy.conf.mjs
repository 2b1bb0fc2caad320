// `ng serve` proxies the API to the backend so the app stays same-origin in development.
const target = process.env.BACKEND_URL || 'http://127.0.0.1:8000';

export default {
  '/api': { target, changeOrigin: true, secure: false },
};
