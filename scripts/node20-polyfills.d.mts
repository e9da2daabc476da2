/** Installs `Promise.withResolvers` where it is missing (Node 20). Idempotent; also runs on import. */
export declare function installNode20Polyfills(): void;
