// Journey: the whole 揭榜 lifecycle in the browser, every role in its turn, on a program of its own. The program admin
// creates the program and the recommending unit's account; an applicant registers (by keyboard only), applies and
// submits; the unit signs in by keyboard, recommends and submits its batch; the admin makes the formal check and
// assigns the online round; the expert declares no conflict and scores; the admin selects the finalists and opens the
// notice; a visitor objects in real name; the admin dismisses the objection and publishes; in the attack period the
// finalist reports progress and the admin accepts it; the admin gives the finalists a test lab, which records its
// measurements with a PDF test report; the final round is assigned and scored with the measured attainment; the admin
// selects, notices and publishes the winner; visitors read the results and the winner page. Time moves only with the
// test-mode clock. Every page visited is screenshotted in order (test-results/screenshots/lifecycle-NN-*.png), scrolls
// no wider than 1280 px and passes axe. The steps live in e2e/lifecycle/.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serverNow, setClock } from './api.js';
import { launchBrowser } from './browser.js';
import { applyInTheBrowser, createProgram, recommend } from './lifecycle/apply.js';
import { finalRound, measure, reportProgress, winners } from './lifecycle/evaluate.js';
import { adminApi, clearScreenshots, state } from './lifecycle/journey.js';
import { formalCheckAndAssign, objectAndPublish, review, selectFinalists } from './lifecycle/select.js';

beforeAll(async () => {
  clearScreenshots();
  state.browser = await launchBrowser();
  state.start = await serverNow(await adminApi());
});

// Each step builds on the one before: after a failure the rest are skipped, so the report names the first.
let broken = false;
beforeEach(({ skip, onTestFailed }) => {
  if (broken) skip('an earlier step of the lifecycle failed');
  onTestFailed(() => {
    broken = true;
  });
});

// The clock goes back for the journeys after this one; the expert leaves the platform-wide pool, so that other
// journeys' assignments never reach it.
afterAll(async () => {
  await setClock(0);
  if (!state.expertId) return;
  const admin = await adminApi();
  const res = await admin.api.post(`/api/admin/users/${state.expertId}/disabled`, { data: { disabled: true }, headers: { 'x-csrf-token': admin.csrf } });
  expect(res.status(), await res.text()).toBe(204);
});

const STEP = { timeout: 90_000 };

describe('the whole lifecycle', () => {
  it('the program admin creates the program and the recommending unit with its account', STEP, createProgram);
  it('an applicant registers by keyboard, applies in the subfield and submits', STEP, applyInTheBrowser);
  it('the recommending unit signs in by keyboard, recommends both in rank and submits its batch', STEP, recommend);
  it('the program admin makes the formal check and assigns the online round', STEP, formalCheckAndAssign);
  it('the expert declares no conflict, scores and submits', STEP, review);
  it('the program admin reads the ranking, selects both finalists and opens the public notice', STEP, selectFinalists);
  it('a visitor objects in real name; the admin dismisses it and publishes the finalists after the notice', STEP, objectAndPublish);
  it('in the attack period the admin asks for a progress report, the finalist files it, the admin accepts it', STEP, reportProgress);
  it('the admin creates the test lab and gives it the subfield; in the evaluation phase the lab measures', STEP, measure);
  it('the final round: the admin assigns it, the expert scores with the measured attainment filled in', STEP, finalRound);
  it('the admin selects the winner, notices and publishes it; visitors read the results and the winner page', STEP, winners);
});
