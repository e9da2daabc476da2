/**
 * `so-licence-kit/mocks`: the kit's mock Web API as msw request handlers, for integrators who test their own pages
 * against it (msw ≥ 3 is an optional peer dependency). Browser: `setupWorker(...handlers).start()`; Node:
 * `setupServer(...handlers).listen()`. Every answer follows the current scenario (`setScenario('expiring')`), or the
 * fixed one given to `createHandlers('forbidden')`.
 */
export { createHandlers, errorResponse, handlers } from './handlers.js';
export { getScenario, isScenario, scenarioFromUrl, scenarios, setScenario, type Scenario } from './scenarios.js';
