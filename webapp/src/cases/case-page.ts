// #/cases/<id>: one case for every role — what was asked, the clinical data, where the case
// stands (state, holder, decision), the commands this user may give, the chat and the history.
// Kept current by the live channel: a case.* event for this case replaces it and reloads the
// history; message.posted for this case adds the message.
import { layout } from '../app/layout';
import { liveChannel } from '../app/live-session';
import type { View } from '../app/view';
import { currentUser } from '../auth/session';
import { t, tDynamic, type MessageKey } from '../i18n/i18n';
import { api, ApiError } from '../shared/api';
import { clearBanner, showError } from '../shared/banner';
import { h, mount, type Child } from '../shared/dom';
import { formatDateTime, formatTimestamp } from '../shared/format';
import { isCaseEvent } from '../shared/live';
import { sendWithPhiCheck } from '../shared/phi-warning';
import { dataTable } from '../shared/table';
import type { Case, CaseMessage, Clinical, CurrentUser, HistoryEntry, Preview, TriageCommand } from '../shared/types';
import { clinicalRows } from './clinical';
import { previewMedia } from './preview-media';
import { ACCEPT_STILLS, previewPicker } from './preview-picker';
import { studyUpload } from './study-upload';
import { caseReports } from '../reporting/case-report';
import { DECLINE_REASONS, TEXT_MAX_LENGTH } from './vocab';

/** The commands this user may give on this case: the state's commands, narrowed by role and relation. */
export function commandsFor(user: CurrentUser, c: Case): Set<TriageCommand> {
  const allowed = new Set(c.allowedCommands ?? []);
  const mine = new Set<TriageCommand>();
  const holder = !!c.claimedByUserId && c.claimedByUserId === user.id;
  const ownClinic = user.role === 'DOCTOR' && user.organisationId === c.organisationId;
  const grant = (command: TriageCommand, when: boolean) => {
    if (when && allowed.has(command)) mine.add(command);
  };
  grant('CLAIM', user.role === 'CONSULTANT');
  grant('RELEASE', (user.role === 'CONSULTANT' && holder) || user.role === 'ADMIN');
  grant('REASSIGN', (user.role === 'CONSULTANT' && holder) || user.role === 'ADMIN');
  for (const command of ['DECLINE', 'ANSWER', 'REQUEST_FULL_STUDY'] as const) grant(command, user.role === 'CONSULTANT' && holder);
  grant('CANCEL', ownClinic);
  grant('POST_MESSAGE', ownClinic || (user.role === 'CONSULTANT' && holder));
  return mine;
}

export function casePage(id: string): View {
  const user = currentUser()!;
  const live = liveChannel();
  let current: Case | null = null;
  let messages: CaseMessage[] = [];
  let disposed = false;

  const summaryBox = h('div', { 'data-testid': 'case-summary' }, h('p', { class: 'muted' }, t('common.loading')));
  const clinicalBox = h('div', { 'data-testid': 'clinical-data' });
  const decisionBox = h('div', { 'data-testid': 'case-decision' });
  const actionsBox = h('div', { class: 'case-actions', 'data-testid': 'case-actions' });
  const actionPanel = h('div', { class: 'action-panel', 'data-testid': 'action-panel' });
  const chatLog = h('ol', { class: 'chat-log', 'data-testid': 'chat-log', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  const chatForm = h('div', { class: 'chat-compose' });
  const historyBox = h('div', { 'data-testid': 'history' });
  const previewsBox = h('div', { class: 'preview-gallery', 'data-testid': 'case-previews' });
  const studyBox = h('div');
  let study: ReturnType<typeof studyUpload> | null = null;
  let previews: Preview[] = [];
  const heading = h('h1', { class: 'page-title', 'data-testid': 'page-heading' }, t('case.title'));
  // the delivered expert report (stage II): the clinic's doctors and the reference centre's experts and admins
  const reports = user.role === 'CONSULTANT' ? null : caseReports(id);

  // Which action panel is open survives re-renders of the case, unless the command vanished.
  let openPanel: TriageCommand | null = null;

  const render = () => {
    const c = current;
    if (!c) return;
    mount(summaryBox, summary(c));
    mount(clinicalBox, clinicalSection(c.clinical));
    mount(decisionBox, decisionSection(c));
    if (c.state === 'FULL_STUDY_REQUESTED' && !study) {
      study = studyUpload(id, user.role === 'DOCTOR' && user.organisationId === c.organisationId);
      mount(studyBox, study.element);
    }
    const commands = commandsFor(user, c);
    if (openPanel && !commands.has(openPanel)) {
      openPanel = null;
      mount(actionPanel);
    }
    mount(actionsBox, actionButtons(commands));
    renderComposer(commands.has('POST_MESSAGE'), c);
  };

  const refresh = async () => {
    try {
      const [c, msgs, hist, prev] = await Promise.all([api.getCase(id), api.messages(id), api.history(id), api.casePreviews(id)]);
      if (disposed) return;
      current = c;
      messages = msgs;
      previews = prev;
      render();
      renderMessages();
      renderHistory(hist);
      renderPreviews();
      if (messages.some((m) => m.reportId)) reports?.reload();
    } catch (error) {
      if (disposed) return;
      showError(error);
      if (!current) {
        mount(summaryBox, h('p', { class: 'empty-state', 'data-testid': 'case-missing' }, t(error instanceof ApiError && error.status === 404 ? 'case.notFound' : 'common.loadFailed')));
      }
    }
  };

  const reloadHistory = async () => {
    try {
      const hist = await api.history(id);
      if (!disposed) renderHistory(hist);
    } catch {
      /* the next event or reconnect reloads it */
    }
  };

  const renderHistory = (entries: readonly HistoryEntry[]) => {
    if (entries.length === 0) {
      mount(historyBox, h('p', { class: 'muted' }, t('history.empty')));
      return;
    }
    mount(
      historyBox,
      dataTable(
        t('history.heading'),
        [
          { header: t('history.col.at'), cell: (e) => h('time', { datetime: e.at }, formatTimestamp(e.at)) },
          { header: t('history.col.actor'), cell: (e) => e.actor ?? '—' },
          { header: t('history.col.action'), cell: (e) => h('span', { 'data-action': e.action }, tDynamic(`action.${e.action}`, e.action)) },
          { header: t('history.col.state'), cell: (e) => (e.state ? tDynamic(`state.${e.state}`, e.state) : '—') },
          { header: t('history.col.detail'), cell: (e) => historyDetail(e), className: 'history-detail' },
        ],
        entries,
        'history-table',
      ),
    );
  };

  /** The previews the doctor sent with the case (chat images and the AI's heat map show in the chat). */
  const renderPreviews = () => {
    const inChat = new Set(messages.map((m) => m.attachmentPreviewId).filter(Boolean));
    const own = previews.filter((p) => p.kind !== 'AI_HEATMAP' && !inChat.has(p.id));
    if (own.length === 0) {
      mount(previewsBox, h('p', { class: 'muted', 'data-testid': 'no-previews' }, t('preview.none')));
      return;
    }
    mount(previewsBox, own.map((p, i) => h('div', { class: 'preview-tile', 'data-kind': p.kind }, previewMedia(p, t('preview.altNumbered', { n: i + 1 })))));
  };

  const renderMessages = () => {
    if (messages.length === 0) {
      mount(chatLog, h('li', { class: 'chat-empty muted' }, t('chat.empty')));
      return;
    }
    mount(
      chatLog,
      messages.map((m) =>
        h(
          'li',
          { class: m.author === user.displayName ? 'chat-message is-mine' : 'chat-message', 'data-testid': 'chat-message', 'data-message-id': m.id },
          h(
            'div',
            { class: 'chat-meta' },
            h('span', { class: 'chat-author' }, m.author),
            h('span', { class: 'chat-role' }, tDynamic(`role.${m.authorRole}`, m.authorRole)),
            h('time', { datetime: m.postedAt }, formatDateTime(m.postedAt)),
          ),
          m.text ? h('p', { class: 'chat-text', 'data-testid': 'chat-text' }, m.text) : null,
          m.reportId && reports
            ? h('button', { type: 'button', class: 'button button-quiet', 'data-testid': 'chat-report-link', onclick: () => reports.element.scrollIntoView({ behavior: 'smooth' }) }, t('caseReport.show'))
            : null,
          m.attachmentPreviewId
            ? h('div', { class: 'chat-attachment', 'data-testid': 'chat-attachment' },
                previewMedia({ id: m.attachmentPreviewId, kind: m.authorRole === 'AI' ? 'AI_HEATMAP' : 'IMAGE', mediaType: 'image/png' }, t(m.authorRole === 'AI' ? 'preview.heatMapAlt' : 'preview.chatImageAlt')))
            : null,
        ),
      ),
    );
    chatLog.scrollTop = chatLog.scrollHeight;
    // images arrive after the text: keep the newest message in view once they have their height
    for (const img of chatLog.querySelectorAll('img')) {
      img.addEventListener('load', () => (chatLog.scrollTop = chatLog.scrollHeight), { once: true });
    }
  };

  const addMessage = (m: CaseMessage) => {
    if (messages.some((x) => x.id === m.id)) return;
    messages = [...messages, m].sort((a, b) => a.postedAt.localeCompare(b.postedAt));
    renderMessages();
    if (m.reportId) reports?.reload();
  };

  // ---- commands ----

  const run = async (button: HTMLButtonElement | null, command: () => Promise<Case>) => {
    clearBanner();
    if (button) button.disabled = true;
    try {
      current = await command();
      openPanel = null;
      mount(actionPanel);
      render();
      void reloadHistory();
    } catch (error) {
      showError(error);
      // a refusal means the page was behind: show the case as it now is
      void refresh();
    } finally {
      if (button) button.disabled = false;
    }
  };

  const actionButtons = (commands: Set<TriageCommand>): Child => {
    if (commands.size === 0 || (commands.size === 1 && commands.has('POST_MESSAGE'))) {
      return h('p', { class: 'muted', 'data-testid': 'no-actions' }, t('case.noActions'));
    }
    const button = (command: TriageCommand, label: MessageKey, primary = false, direct?: () => Promise<Case>) => {
      if (!commands.has(command)) return null;
      const b: HTMLButtonElement = h(
        'button',
        {
          type: 'button',
          class: primary ? 'button button-primary' : 'button',
          'data-testid': `action-${command.toLowerCase().replace(/_/g, '-')}`,
          'aria-expanded': direct ? undefined : String(openPanel === command),
          onclick: () => {
            if (direct) void run(b, direct);
            else openAction(command);
          },
        },
        t(label),
      );
      return b;
    };
    return h(
      'div',
      { class: 'action-buttons' },
      button('CLAIM', 'action.claim', true, () => api.claim(id)),
      button('ANSWER', 'action.answer'),
      button('REQUEST_FULL_STUDY', 'action.requestFullStudy'),
      button('DECLINE', 'action.decline'),
      button('RELEASE', 'action.release', false, () => api.release(id)),
      button('REASSIGN', 'action.reassign'),
      button('CANCEL', 'action.cancel'),
    );
  };

  const openAction = (command: TriageCommand) => {
    clearBanner();
    openPanel = command;
    if (current) mount(actionsBox, actionButtons(commandsFor(user, current)));
    const close = () => {
      openPanel = null;
      mount(actionPanel);
      if (current) mount(actionsBox, actionButtons(commandsFor(user, current)));
    };
    const cancelButton = h('button', { type: 'button', class: 'button button-quiet', onclick: close }, t('common.close'));
    let panel: HTMLElement;
    switch (command) {
      case 'ANSWER':
        panel = textPanel('answer', 'action.answerLabel', 'action.answerSubmit', (text) => api.answer(id, text));
        break;
      case 'REQUEST_FULL_STUDY':
        panel = textPanel('request-full-study', 'action.requestLabel', 'action.requestSubmit', (text) => api.requestFullStudy(id, text), t('action.requestHint'));
        break;
      case 'DECLINE':
        panel = declinePanel();
        break;
      case 'REASSIGN':
        panel = reassignPanel();
        break;
      case 'CANCEL':
        panel = h(
          'div',
          { class: 'form' },
          h('p', null, t('action.cancelConfirm')),
          h(
            'div',
            { class: 'form-actions' },
            h('button', { type: 'button', class: 'button button-danger', 'data-testid': 'cancel-submit', onclick: (e: Event) => void run(e.currentTarget as HTMLButtonElement, () => api.cancel(id)) }, t('action.cancelSubmit')),
          ),
        );
        break;
      default:
        return;
    }
    mount(actionPanel, h('div', { class: 'action-form', 'data-testid': `panel-${command.toLowerCase().replace(/_/g, '-')}` }, panel, h('div', { class: 'panel-close' }, cancelButton)));
    actionPanel.querySelector<HTMLElement>('textarea, select')?.focus();
  };

  const textPanel = (name: string, label: MessageKey, submitLabel: MessageKey, send: (text: string) => Promise<Case>, hint?: string): HTMLElement => {
    const area = h('textarea', { id: `action-${name}-text`, rows: '4', maxlength: String(TEXT_MAX_LENGTH), required: true });
    const error = h('p', { class: 'field-error', hidden: true });
    const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': `${name}-submit` }, t(submitLabel));
    const form = h(
      'form',
      { class: 'form', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: area.id }, t(label)), area, hint ? h('p', { class: 'hint' }, hint) : null, error),
      h('div', { class: 'form-actions' }, submit),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = area.value.trim();
      if (!text) {
        error.textContent = t('action.textRequired');
        error.hidden = false;
        area.focus();
        return;
      }
      void run(submit, () => send(text));
    });
    return form;
  };

  const declinePanel = (): HTMLElement => {
    const reason = h(
      'select',
      { id: 'action-decline-reason' },
      DECLINE_REASONS.map((r) => h('option', { value: r }, tDynamic(`declineReason.${r}`, r))),
    );
    const advice = h('textarea', { id: 'action-decline-advice', rows: '4', maxlength: String(TEXT_MAX_LENGTH), required: true });
    const error = h('p', { class: 'field-error', hidden: true });
    const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'decline-submit' }, t('action.declineSubmit'));
    const form = h(
      'form',
      { class: 'form', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: reason.id }, t('action.declineReason')), reason),
      h('div', { class: 'field' }, h('label', { for: advice.id }, t('action.declineAdvice')), advice, error),
      h('div', { class: 'form-actions' }, submit),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = advice.value.trim();
      if (!text) {
        error.textContent = t('action.textRequired');
        error.hidden = false;
        advice.focus();
        return;
      }
      void run(submit, () => api.decline(id, reason.value, text));
    });
    return form;
  };

  const reassignPanel = (): HTMLElement => {
    const select = h('select', { id: 'action-reassign-to', disabled: true }, h('option', { value: '' }, t('common.loading')));
    const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'reassign-submit', disabled: true }, t('action.reassignSubmit'));
    const form = h(
      'form',
      { class: 'form', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: select.id }, t('action.reassignTo')), select),
      h('div', { class: 'form-actions' }, submit),
    );
    api
      .roster()
      .then((shifts) => {
        const onDuty = new Map<string, string>();
        for (const s of shifts) {
          if (s.onDutyNow && s.consultantUserId !== current?.claimedByUserId) onDuty.set(s.consultantUserId, s.consultant);
        }
        if (onDuty.size === 0) {
          mount(select, h('option', { value: '' }, t('action.nobodyOnDuty')));
          return;
        }
        mount(select, [...onDuty.entries()].map(([userId, name]) => h('option', { value: userId }, name)));
        select.disabled = false;
        submit.disabled = false;
      })
      .catch((error) => {
        showError(error);
        mount(select, h('option', { value: '' }, t('common.loadFailed')));
      });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (select.value) void run(submit, () => api.reassign(id, select.value));
    });
    return form;
  };

  // ---- chat ----

  const chatText = h('textarea', { id: 'chat-text', rows: '3', maxlength: String(TEXT_MAX_LENGTH) });
  const chatPhi = h('div', { class: 'phi-region' });
  const chatSend = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'chat-send' }, t('chat.send'));
  const chatImage = previewPicker({ id: 'chat-image', multiple: false, label: t('chat.attach'), hint: t('chat.attachHint'), accept: ACCEPT_STILLS });
  const chatImageError = h('p', { class: 'field-error', hidden: true, 'data-testid': 'chat-image-error' });
  const chatComposer = h(
    'form',
    { class: 'form', novalidate: true, 'data-testid': 'chat-form' },
    h('div', { class: 'field' }, h('label', { for: chatText.id }, t('chat.label')), chatText, h('p', { class: 'hint' }, t('chat.hint'))),
    chatImage.element,
    chatImageError,
    chatPhi,
    h('div', { class: 'form-actions' }, chatSend),
  );
  chatText.addEventListener('input', () => mount(chatPhi));
  chatComposer.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearBanner();
    const text = chatText.value.trim();
    const imageProblem = chatImage.busy() ? 'preview.stillUploading' : !chatImage.confirmed() ? 'preview.confirmRequired' : null;
    chatImageError.hidden = !imageProblem;
    if (imageProblem) {
      chatImageError.textContent = t(imageProblem);
      return;
    }
    const [attachment] = chatImage.previewIds();
    if (!text && !attachment) {
      chatText.focus();
      return;
    }
    chatSend.disabled = true;
    await sendWithPhiCheck({
      region: chatPhi,
      fields: (): Record<string, string> => (text ? { text } : {}),
      label: () => t('chat.label'),
      focus: () => chatText.focus(),
      send: async (acknowledged) => {
        const posted = await api.postMessage(id, text, acknowledged, attachment);
        chatText.value = '';
        chatImage.reset();
        addMessage(posted);
      },
      onError: (error) => {
        showError(error);
        if (error instanceof ApiError && error.status === 409) void refresh();
      },
    });
    chatSend.disabled = false;
  });

  const renderComposer = (mayPost: boolean, c: Case) => {
    if (mayPost) {
      if (!chatForm.contains(chatComposer)) mount(chatForm, chatComposer);
      return;
    }
    const closed = !(c.allowedCommands ?? []).includes('POST_MESSAGE');
    mount(chatForm, h('p', { class: 'muted', 'data-testid': 'chat-closed' }, t(closed ? 'chat.closed' : 'chat.readOnly')));
  };

  // ---- live ----

  const unsubscribe = live.onMessage((message) => {
    if (isCaseEvent(message)) {
      if (message.case.id !== id) return;
      current = message.case;
      render();
      void reloadHistory();
    } else if (message.type === 'message.posted' && message.message.caseId === id) {
      addMessage(message.message);
    }
  });
  let wasLive = live.status === 'live';
  const unwatch = live.onStatus((status) => {
    // after a reconnect, re-read everything: nothing missed stays missing
    if (status === 'live' && !wasLive && current) void refresh();
    wasLive = status === 'live';
  });
  live.start();
  void refresh();

  return layout({
    title: t('case.title'),
    live,
    dispose: () => {
      disposed = true;
      study?.dispose();
      unsubscribe();
      unwatch();
    },
    content: [
      h('p', { class: 'back-link' }, h('a', { href: '#/home', 'data-testid': 'back-link' }, '← ', t('case.back'))),
      heading,
      h(
        'div',
        { class: 'case-layout' },
        h(
          'div',
          { class: 'case-main' },
          h('section', { class: 'card', 'aria-labelledby': 'case-summary-heading' }, h('h2', { id: 'case-summary-heading' }, t('case.request')), summaryBox, clinicalBox),
          h('section', { class: 'card', 'aria-labelledby': 'case-previews-heading' }, h('h2', { id: 'case-previews-heading' }, t('preview.heading')), previewsBox),
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'case-actions-heading' },
            h('h2', { id: 'case-actions-heading' }, t('case.statusHeading')),
            decisionBox,
            actionsBox,
            actionPanel,
          ),
          studyBox,
          reports?.element ?? null,
          h('section', { class: 'card', 'aria-labelledby': 'history-heading' }, h('h2', { id: 'history-heading' }, t('history.heading')), historyBox),
        ),
        h(
          'section',
          { class: 'card chat-card', 'aria-labelledby': 'chat-heading', 'data-testid': 'chat' },
          h('h2', { id: 'chat-heading' }, t('chat.heading')),
          chatLog,
          chatForm,
        ),
      ),
    ],
  });
}

function summary(c: Case): HTMLElement {
  const row = (label: MessageKey, value: Child, testId?: string) =>
    h('div', { class: 'dl-row' }, h('dt', null, t(label)), h('dd', { 'data-testid': testId }, value));
  return h(
    'div',
    null,
    h(
      'div',
      { class: 'case-meta' },
      h('span', { class: 'state-badge', 'data-state': c.state, 'data-testid': 'case-state' }, tDynamic(`state.${c.state}`, c.state)),
      c.overdue ? h('span', { class: 'overdue-badge', 'data-testid': 'overdue-badge' }, t('cases.overdue')) : null,
    ),
    h('p', { class: 'case-question case-question-full', 'data-testid': 'case-question' }, c.question),
    h(
      'dl',
      { class: 'dl' },
      row('caseForm.modality', tDynamic(`modality.${c.modality}`, c.modality), 'case-modality'),
      row('caseForm.bodyPart', tDynamic(`bodyPart.${c.bodyPart}`, c.bodyPart), 'case-body-part'),
      row('case.organisation', c.organisationName, 'case-organisation'),
      row('case.created', t('case.byAt', { name: c.createdBy, at: formatDateTime(c.createdAt) }), 'case-created'),
      row('case.holder', c.claimedBy ? (c.claimedAt ? t('case.byAt', { name: c.claimedBy, at: formatDateTime(c.claimedAt) }) : c.claimedBy) : t('case.unclaimed'), 'case-holder'),
      c.triageDeadline && (c.state === 'SUBMITTED' || c.state === 'CLAIMED')
        ? row('case.deadline', formatDateTime(c.triageDeadline), 'case-deadline')
        : null,
    ),
  );
}

function clinicalSection(clinical: Clinical | undefined): Child {
  const rows = clinicalRows(clinical);
  if (rows.length === 0) return h('p', { class: 'muted', 'data-testid': 'no-clinical' }, t('clinical.none'));
  return h(
    'div',
    { class: 'clinical' },
    h('h3', null, t('clinical.heading')),
    h('dl', { class: 'dl' }, rows.map(([label, value]) => h('div', { class: 'dl-row' }, h('dt', null, t(label)), h('dd', null, value)))),
  );
}

function decisionSection(c: Case): Child {
  const by = c.decidedBy && c.decidedAt ? h('p', { class: 'muted', 'data-testid': 'decided-by' }, t('case.decidedBy', { name: c.decidedBy, at: formatDateTime(c.decidedAt) })) : null;
  const text = (label: MessageKey) =>
    c.decision ? h('div', { class: 'decision-text' }, h('h3', null, t(label)), h('p', { 'data-testid': 'decision-text' }, c.decision)) : null;
  switch (c.state) {
    case 'DECLINED':
      return h(
        'div',
        { class: 'decision decision-declined' },
        h('p', null, h('strong', null, t('decision.declined')), ' ', c.declineReason ? h('span', { 'data-testid': 'decline-reason' }, tDynamic(`declineReason.${c.declineReason}`, c.declineReason)) : null),
        text('decision.advice'),
        by,
      );
    case 'ANSWERED':
      return h('div', { class: 'decision decision-answered' }, h('p', null, h('strong', null, t('decision.answered'))), text('decision.answer'), by);
    case 'FULL_STUDY_REQUESTED':
      return h('div', { class: 'decision decision-full-study' }, h('p', null, h('strong', null, t('decision.fullStudy'))), text('decision.instructions'), by);
    case 'CANCELLED':
      return h('div', { class: 'decision' }, h('p', null, h('strong', null, t('decision.cancelled'))), by);
    default:
      return h('p', { class: 'muted' }, t(c.state === 'CLAIMED' ? 'decision.underReview' : 'decision.waiting'));
  }
}

function historyDetail(e: HistoryEntry): Child {
  if (!e.detail) return '—';
  // a decline's detail may name its reason; show the translation when it is one
  return tDynamic(`declineReason.${e.detail}`, e.detail);
}
