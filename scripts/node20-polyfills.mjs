// Node 20 lacks Promise.withResolvers (Node 22+), which msw 3 / @mswjs/interceptors 0.45 use in Node.
// Runs on import (`node --import ./scripts/node20-polyfills.mjs …`). Bundles call installNode20Polyfills() instead:
// the package's "sideEffects" list makes esbuild drop a bare `import './node20-polyfills.mjs'`.
export function installNode20Polyfills() {
  if (typeof Promise.withResolvers !== 'function') {
    Promise.withResolvers = function withResolvers() {
      let resolve, reject;
      const promise = new this((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    };
  }
}

installNode20Polyfills();
