// "Run an AI model" for a stored study (doctor of the sending clinic, expert): the registered
// models with their cards, a run on demand, and word when its result series have joined the study.
import { t } from '../i18n/i18n';
import { api, requestJson } from '../shared/api';
import { showError } from '../shared/banner';
import { h } from '../shared/dom';

interface AiModel {
  id: string;
  name: string;
  version: string;
  intendedUse: string;
  evaluatedAuc: string;
  limits: string;
}

const POLL_MS = 3000;
const GIVE_UP_MS = 180_000;

async function seriesCount(studyInstanceUid: string): Promise<number> {
  const reply = await api.dicomweb(`studies/${encodeURIComponent(studyInstanceUid)}/series`, 'application/dicom+json');
  if (reply.bytes.length === 0) return 0;
  return (JSON.parse(new TextDecoder().decode(reply.bytes)) as unknown[]).length;
}

/**
 * The panel; `onResult` is called once the run's series are in the study (the viewer reloads
 * its series list). Disposing stops the waiting.
 */
export function aiOnDemand(studyInstanceUid: string, onResult: () => void): { element: HTMLElement; dispose(): void } {
  let timer: number | undefined;
  const select = h('select', { 'data-testid': 'ai-model', 'aria-label': t('aiRun.model') });
  const card = h('p', { class: 'muted', 'data-testid': 'ai-model-card' });
  const status = h('p', { role: 'status', 'data-testid': 'ai-run-status' });
  const run = h('button', { type: 'button', class: 'button', disabled: true, 'data-testid': 'ai-run' }, t('aiRun.run'));
  let models: AiModel[] = [];

  const describe = () => {
    const m = models.find((x) => x.id === select.value);
    card.textContent = m ? t('aiRun.card', { use: m.intendedUse, auc: m.evaluatedAuc, limits: m.limits }) : '';
  };

  const waitForResult = (before: number, startedAt: number) => {
    timer = window.setTimeout(async () => {
      try {
        if ((await seriesCount(studyInstanceUid)) > before) {
          status.textContent = t('aiRun.done');
          run.disabled = false;
          onResult();
          return;
        }
      } catch {
        /* a lost poll is retried */
      }
      if (Date.now() - startedAt > GIVE_UP_MS) {
        status.textContent = t('aiRun.slow');
        run.disabled = false;
      } else {
        waitForResult(before, startedAt);
      }
    }, POLL_MS);
  };

  run.addEventListener('click', async () => {
    run.disabled = true;
    try {
      const before = await seriesCount(studyInstanceUid);
      await requestJson('POST', `api/ai/studies/${encodeURIComponent(studyInstanceUid)}/runs`, { modelId: select.value });
      status.textContent = t('aiRun.queued');
      waitForResult(before, Date.now());
    } catch (error) {
      run.disabled = false;
      showError(error);
    }
  });
  select.addEventListener('change', describe);

  requestJson<AiModel[]>('GET', 'api/ai/models')
    .then((list) => {
      models = list;
      select.replaceChildren(...list.map((m) => h('option', { value: m.id }, `${m.name} ${m.version}`)));
      run.disabled = list.length === 0;
      describe();
    })
    .catch(showError);

  const element = h(
    'section',
    { class: 'card ai-on-demand', 'aria-labelledby': 'ai-run-heading', 'data-testid': 'ai-on-demand' },
    h('h2', { id: 'ai-run-heading' }, t('aiRun.heading'), ' ', h('span', { class: 'viewer-research-tag' }, t('viewer.researchOnly'))),
    h('p', { class: 'muted' }, t('aiRun.explain')),
    h('div', { class: 'form-actions' }, h('label', {}, t('aiRun.model'), ' ', select), run),
    card,
    status,
  );
  return { element, dispose: () => window.clearTimeout(timer) };
}
