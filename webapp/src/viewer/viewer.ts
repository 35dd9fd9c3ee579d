// The DICOM viewer: a cornerstone3D stack viewport over the product's DICOMweb, with series
// list, window presets, zoom/pan, measurements (mm, HU) and the AI overlay ("For Research
// Purposes Only"). mountViewer() is what pages embed; all cornerstone calls live in viewer/.
import { cache, Enums, eventTarget, RenderingEngine, type Types } from '@cornerstonejs/core';
import {
  annotation,
  Enums as ToolEnums,
  LengthTool,
  PanTool,
  ProbeTool,
  RectangleROITool,
  StackScrollTool,
  ToolGroupManager,
  utilities as toolUtilities,
  WindowLevelTool,
  ZoomTool,
} from '@cornerstonejs/tools';
import { t, type MessageKey } from '../i18n/i18n';
import { showError } from '../shared/banner';
import { h } from '../shared/dom';
import { setUpCornerstone } from './cornerstone-setup';
import type { ImageMeta, SeriesSummary } from './dicom-json';
import { instanceMetadata, seriesInstances, seriesMetadata, studySeries } from './dicomweb';
import { imageIdOf, metaOf, rememberMeta } from './loader';
import { CT_PRESETS, toRange, toWindow, type WindowPreset } from './presets';

export interface ViewerHandle {
  dispose(): void;
}

export interface ViewerOptions {
  /** Where errors go (default: the page's error banner). */
  onError?: (error: unknown) => void;
}

type ToolId = 'windowLevel' | 'pan' | 'zoom' | 'length' | 'rectangleRoi' | 'probe';
const TOOLS: { id: ToolId; name: string; label: MessageKey; key: string }[] = [
  { id: 'windowLevel', name: WindowLevelTool.toolName, label: 'viewer.tool.windowLevel', key: 'w' },
  { id: 'pan', name: PanTool.toolName, label: 'viewer.tool.pan', key: 'p' },
  { id: 'zoom', name: ZoomTool.toolName, label: 'viewer.tool.zoom', key: 'z' },
  { id: 'length', name: LengthTool.toolName, label: 'viewer.tool.length', key: 'l' },
  { id: 'rectangleRoi', name: RectangleROITool.toolName, label: 'viewer.tool.rectangleRoi', key: 'r' },
  { id: 'probe', name: ProbeTool.toolName, label: 'viewer.tool.probe', key: 'h' },
];
const MEASUREMENT_TOOLS = new Set([LengthTool.toolName, RectangleROITool.toolName, ProbeTool.toolName]);
const { MouseBindings } = ToolEnums;

let instances = 0;

/** Shows study `studyInstanceUid` in `container`; dispose() releases everything it took. */
export function mountViewer(container: HTMLElement, studyInstanceUid: string, options: ViewerOptions = {}): ViewerHandle {
  const onError = options.onError ?? showError;
  const n = ++instances;
  const engineId = `teleris-engine-${n}`;
  const ctViewportId = `teleris-ct-${n}`;
  const aiViewportId = `teleris-ai-${n}`;
  const toolGroupId = `teleris-tools-${n}`;
  const aiToolGroupId = `teleris-ai-tools-${n}`;
  const cleanups: (() => void)[] = [];
  let disposed = false;

  const { cpu } = setUpCornerstone();

  // ---- DOM ------------------------------------------------------------------------------
  const status = h('p', { class: 'viewer-status muted', role: 'status', 'data-testid': 'viewer-status' }, t('viewer.loading'));
  const seriesList = h('ol', { class: 'viewer-series-list', 'data-testid': 'viewer-series' });
  const sliceText = h('span', { 'data-testid': 'viewer-slice' }, '–');
  const voiText = h('span', { 'data-testid': 'viewer-voi' }, '–');
  const loadedText = h('span', { class: 'muted', 'data-testid': 'viewer-loaded' });
  const slider = h('input', {
    type: 'range',
    min: '1',
    max: '1',
    value: '1',
    class: 'viewer-slider',
    'aria-label': t('viewer.sliceSlider'),
    'data-testid': 'viewer-slider',
    disabled: true,
  });
  const ctElement = h('div', {
    class: 'viewer-viewport',
    tabindex: '0',
    role: 'img',
    'aria-label': t('viewer.viewportLabel'),
    'aria-describedby': `viewer-keys-${n}`,
    'data-testid': 'viewport',
    oncontextmenu: (e: Event) => e.preventDefault(),
  });
  const researchBanner = h('p', { class: 'viewer-research', 'data-testid': 'viewer-research-banner', hidden: true }, t('viewer.researchOnly'));
  const aiElement = h('div', {
    class: 'viewer-viewport',
    role: 'img',
    'aria-label': t('viewer.aiViewportLabel'),
    'data-testid': 'ai-viewport',
    oncontextmenu: (e: Event) => e.preventDefault(),
  });
  const aiCaption = h('p', { class: 'viewer-ai-caption muted', 'data-testid': 'ai-caption' });
  const aiPane = h(
    'section',
    { class: 'viewer-pane viewer-ai-pane', 'aria-label': t('viewer.aiPaneLabel'), hidden: true, 'data-testid': 'ai-pane' },
    h('p', { class: 'viewer-research' }, t('viewer.aiHeading'), ' — ', t('viewer.researchOnly')),
    aiElement,
    aiCaption,
  );
  const aiToggle = h(
    'button',
    { type: 'button', class: 'button', 'aria-pressed': 'false', disabled: true, 'data-testid': 'ai-toggle', title: t('viewer.aiNone') },
    t('viewer.aiToggle'),
    h('span', { class: 'viewer-research-tag' }, t('viewer.researchOnly')),
  );
  const measurements = h('ul', { class: 'viewer-measurements', 'data-testid': 'measurements', 'aria-live': 'polite' });
  const measurementsEmpty = h('p', { class: 'muted' }, t('viewer.measurementsEmpty'));

  const toolButtons = new Map<ToolId, HTMLButtonElement>();
  const toolbar = h(
    'div',
    { class: 'viewer-toolbar', role: 'toolbar', 'aria-label': t('viewer.toolbar') },
    h(
      'div',
      { class: 'viewer-group', role: 'group', 'aria-label': t('viewer.tools') },
      TOOLS.map((tool) => {
        const b = h(
          'button',
          { type: 'button', class: 'button', 'aria-pressed': 'false', 'data-tool': tool.id, 'aria-keyshortcuts': tool.key, onclick: () => selectTool(tool.id) },
          t(tool.label),
        );
        toolButtons.set(tool.id, b);
        return b;
      }),
    ),
    h(
      'div',
      { class: 'viewer-group', role: 'group', 'aria-label': t('viewer.presets') },
      CT_PRESETS.map((p) =>
        h('button', { type: 'button', class: 'button', 'data-preset': p.id, onclick: () => applyPreset(p) }, t(`viewer.preset.${p.id}` as MessageKey), ` W${p.width}/L${p.center}`),
      ),
      h('button', { type: 'button', class: 'button', 'data-preset': 'default', onclick: () => resetView() }, t('viewer.reset')),
    ),
    h(
      'div',
      { class: 'viewer-group', role: 'group', 'aria-label': t('viewer.ai') },
      aiToggle,
    ),
  );

  const root = h(
    'div',
    { class: 'viewer', 'data-testid': 'viewer', 'data-renderer': cpu ? 'cpu' : 'gpu' },
    h(
      'nav',
      { class: 'viewer-side', 'aria-labelledby': `viewer-series-heading-${n}` },
      h('h2', { id: `viewer-series-heading-${n}` }, t('viewer.series')),
      seriesList,
    ),
    h(
      'div',
      { class: 'viewer-main' },
      toolbar,
      h(
        'div',
        { class: 'viewer-panes' },
        h('section', { class: 'viewer-pane', 'aria-label': t('viewer.imagePaneLabel') }, researchBanner, ctElement),
        aiPane,
      ),
      h(
        'div',
        { class: 'viewer-info' },
        h('label', { class: 'viewer-slice' }, t('viewer.image'), ' ', sliceText, slider),
        h('span', { class: 'viewer-voi' }, voiText),
        loadedText,
        h('span', { class: 'muted' }, t(cpu ? 'viewer.rendererCpu' : 'viewer.rendererGpu')),
      ),
      h('p', { class: 'muted viewer-keys', id: `viewer-keys-${n}` }, t('viewer.keys')),
      status,
      h(
        'section',
        { class: 'viewer-measure', 'aria-labelledby': `viewer-measure-heading-${n}` },
        h(
          'h3',
          { id: `viewer-measure-heading-${n}` },
          t('viewer.measurements'),
          ' ',
          h('button', { type: 'button', class: 'button button-quiet', 'data-testid': 'clear-measurements', onclick: () => clearMeasurements() }, t('viewer.clearMeasurements')),
        ),
        measurementsEmpty,
        measurements,
      ),
    ),
  );
  container.replaceChildren(root);

  // ---- cornerstone ----------------------------------------------------------------------
  const engine = new RenderingEngine(engineId);
  engine.enableElement({ viewportId: ctViewportId, type: Enums.ViewportType.STACK, element: ctElement, defaultOptions: { background: [0, 0, 0] } });
  const ct = engine.getViewport(ctViewportId) as Types.IStackViewport;
  const tools = ToolGroupManager.createToolGroup(toolGroupId)!;
  for (const tool of TOOLS) tools.addTool(tool.name);
  tools.addTool(StackScrollTool.toolName);
  tools.addViewport(ctViewportId, engineId);
  tools.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
  tools.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
  tools.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
  for (const name of MEASUREMENT_TOOLS) tools.setToolPassive(name);
  let activeTool: ToolId = 'windowLevel';
  selectTool('windowLevel');

  const resize = new ResizeObserver(() => {
    if (!disposed) engine.resize(true, true);
  });
  resize.observe(ctElement);
  resize.observe(aiElement);
  cleanups.push(() => resize.disconnect());

  // ---- state ----------------------------------------------------------------------------
  let series: SeriesSummary[] = [];
  let current: SeriesSummary | null = null;
  let imageIds: string[] = [];
  let imageIdSet = new Set<string>();
  let loadToken = 0;
  const aiSeries = () => series.find((s) => s.ai && s.hasImages && s !== current) ?? null;
  let aiOn = false;
  let ai: { viewport: Types.IStackViewport; imageIds: string[]; sources: string[][] } | null = null;
  let ctIndexBySop = new Map<string, number>();

  function selectTool(id: ToolId): void {
    const previous = TOOLS.find((x) => x.id === activeTool)!;
    const next = TOOLS.find((x) => x.id === id)!;
    if (previous.name === PanTool.toolName) tools.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
    else if (previous.name === ZoomTool.toolName) tools.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
    else if (MEASUREMENT_TOOLS.has(previous.name)) tools.setToolPassive(previous.name);
    else tools.setToolDisabled(previous.name);
    const bindings = [{ mouseButton: MouseBindings.Primary }];
    if (next.name === PanTool.toolName) bindings.push({ mouseButton: MouseBindings.Auxiliary });
    if (next.name === ZoomTool.toolName) bindings.push({ mouseButton: MouseBindings.Secondary });
    tools.setToolActive(next.name, { bindings });
    activeTool = id;
    for (const [tid, b] of toolButtons) b.setAttribute('aria-pressed', String(tid === id));
  }

  function setStatus(key: MessageKey | null, params: Record<string, string | number> = {}): void {
    status.hidden = key === null;
    status.textContent = key ? t(key, params) : '';
  }

  function showVoi(): void {
    const range = ct.getProperties().voiRange;
    if (!range) return;
    const w = toWindow(range);
    voiText.textContent = t('viewer.voi', { width: Math.round(w.width), center: Math.round(w.center) });
    voiText.dataset.width = String(Math.round(w.width));
    voiText.dataset.center = String(Math.round(w.center));
  }

  function showSlice(): void {
    const index = ct.getCurrentImageIdIndex();
    sliceText.textContent = t('viewer.sliceOf', { index: index + 1, count: imageIds.length });
    sliceText.dataset.index = String(index);
    slider.value = String(index + 1);
  }

  function applyPreset(p: WindowPreset): void {
    if (!imageIds.length) return;
    ct.setProperties({ voiRange: toRange(p.width, p.center) });
    ct.render();
    showVoi();
  }

  function resetView(): void {
    if (!imageIds.length) return;
    ct.resetProperties();
    ct.resetCamera();
    ct.render();
    showVoi();
  }

  async function scrollTo(index: number): Promise<void> {
    if (!imageIds.length) return;
    const target = Math.max(0, Math.min(imageIds.length - 1, index));
    if (target === ct.getCurrentImageIdIndex()) return;
    ctElement.dataset.requestedIndex = String(target);
    await ct.setImageIdIndex(target);
  }

  function onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const index = ct.getCurrentImageIdIndex();
    const moves: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, PageDown: 10, PageUp: -10 };
    let handled = true;
    if (e.key in moves) void scrollTo(index + moves[e.key]).catch(onError);
    else if (e.key === 'Home') void scrollTo(0).catch(onError);
    else if (e.key === 'End') void scrollTo(imageIds.length - 1).catch(onError);
    else if (e.key === '+' || e.key === '=') zoomBy(1.25);
    else if (e.key === '-') zoomBy(0.8);
    else if (e.key === '0') resetView();
    else {
      const tool = TOOLS.find((x) => x.key === e.key.toLowerCase());
      if (tool) selectTool(tool.id);
      else handled = false;
    }
    if (handled) e.preventDefault();
  }

  function zoomBy(factor: number): void {
    if (!imageIds.length) return;
    ct.setZoom(ct.getZoom() * factor);
    ct.render();
  }

  ctElement.addEventListener('keydown', onKey);
  slider.addEventListener('input', () => void scrollTo(Number(slider.value) - 1).catch(onError));

  const onNewImage = () => {
    showSlice();
    syncAi();
  };
  const onRendered = () => {
    if (!imageIds.length) return;
    showSlice();
    showVoi();
    ctElement.dataset.renderedIndex = String(ct.getCurrentImageIdIndex());
  };
  ctElement.addEventListener(Enums.Events.STACK_NEW_IMAGE, onNewImage);
  ctElement.addEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
  ctElement.addEventListener(Enums.Events.VOI_MODIFIED, showVoi);
  cleanups.push(() => {
    ctElement.removeEventListener(Enums.Events.STACK_NEW_IMAGE, onNewImage);
    ctElement.removeEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
    ctElement.removeEventListener(Enums.Events.VOI_MODIFIED, showVoi);
  });

  // images of the stack in the browser's cache (the prefetch fills it around the shown image)
  const loaded = new Set<string>();
  function showLoaded(): void {
    loadedText.textContent = t('viewer.loaded', { loaded: loaded.size, count: imageIds.length });
    loadedText.dataset.loaded = String(loaded.size);
  }
  const onImageLoaded = (e: Event) => {
    const id = (e as CustomEvent<{ image?: { imageId?: string } }>).detail?.image?.imageId;
    if (id && imageIdSet.has(id) && !loaded.has(id)) {
      loaded.add(id);
      showLoaded();
    }
  };
  eventTarget.addEventListener(Enums.Events.IMAGE_LOADED, onImageLoaded);
  cleanups.push(() => eventTarget.removeEventListener(Enums.Events.IMAGE_LOADED, onImageLoaded));

  // ---- measurements ---------------------------------------------------------------------
  const fmt = (v: unknown, digits = 1) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '–');
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

  function ourAnnotations() {
    return annotation.state
      .getAllAnnotations()
      .filter((a) => a.metadata && MEASUREMENT_TOOLS.has(a.metadata.toolName) && imageIdSet.has(a.metadata.referencedImageId ?? ''));
  }

  function describe(a: ReturnType<typeof ourAnnotations>[number]): string | null {
    const stats = Object.values((a.data.cachedStats ?? {}) as Record<string, Record<string, unknown>>)[0];
    if (!stats) return null;
    const slice = imageIds.indexOf(a.metadata?.referencedImageId ?? '') + 1;
    switch (a.metadata?.toolName) {
      case LengthTool.toolName:
        return t('viewer.measure.length', { value: fmt(stats.length), unit: String(stats.unit ?? ''), slice });
      case RectangleROITool.toolName:
        return t('viewer.measure.roi', {
          mean: fmt(first(stats.mean)),
          sd: fmt(stats.stdDev),
          min: fmt(first(stats.min), 0),
          max: fmt(first(stats.max), 0),
          unit: String(stats.modalityUnit ?? ''),
          area: fmt(stats.area),
          areaUnit: String(stats.areaUnit ?? ''),
          slice,
        });
      case ProbeTool.toolName:
        return t('viewer.measure.probe', { value: fmt(first(stats.value), 0), unit: String(stats.modalityUnit ?? ''), slice });
      default:
        return null;
    }
  }

  function showMeasurements(): void {
    const items = ourAnnotations().flatMap((a) => {
      const text = describe(a);
      return text ? [h('li', { 'data-tool': a.metadata?.toolName ?? '' }, text)] : [];
    });
    measurements.replaceChildren(...items);
    measurementsEmpty.hidden = items.length > 0;
  }

  function clearMeasurements(): void {
    for (const a of ourAnnotations()) if (a.annotationUID) annotation.state.removeAnnotation(a.annotationUID);
    ct.render();
    showMeasurements();
  }

  const annotationEvents = [ToolEnums.Events.ANNOTATION_COMPLETED, ToolEnums.Events.ANNOTATION_MODIFIED, ToolEnums.Events.ANNOTATION_REMOVED];
  for (const ev of annotationEvents) eventTarget.addEventListener(ev, showMeasurements);
  cleanups.push(() => {
    for (const ev of annotationEvents) eventTarget.removeEventListener(ev, showMeasurements);
  });

  // ---- series ---------------------------------------------------------------------------
  function seriesLabel(s: SeriesSummary): string {
    const parts = [s.modality || '?'];
    if (s.seriesNumber !== null) parts.push(`#${s.seriesNumber}`);
    if (s.description) parts.push(s.description);
    return parts.join(' · ');
  }

  function renderSeriesList(): void {
    seriesList.replaceChildren(
      ...series.map((s) =>
        h(
          'li',
          null,
          h(
            'button',
            {
              type: 'button',
              class: 'viewer-series-item',
              'aria-pressed': String(s === current),
              disabled: !s.hasImages,
              'data-series-uid': s.seriesInstanceUid,
              'data-ai': String(s.ai),
              onclick: () => void openSeries(s).catch(onError),
            },
            h('span', null, seriesLabel(s)),
            h('span', { class: 'muted' }, s.hasImages ? t('viewer.seriesImages', { count: s.instances ?? '?' }) : t('viewer.seriesNotImage')),
            s.ai ? h('span', { class: 'viewer-research-tag' }, t('viewer.researchOnly')) : null,
          ),
        ),
      ),
    );
  }

  async function stackOf(s: SeriesSummary): Promise<{ ids: string[]; metas: (ImageMeta | undefined)[] }> {
    const list = await seriesInstances(studyInstanceUid, s.seriesInstanceUid);
    const all = await seriesMetadata(studyInstanceUid, s.seriesInstanceUid);
    const bySop = new Map((all ?? []).map((m) => [m.sopInstanceUid, m]));
    const ids: string[] = [];
    const metas: (ImageMeta | undefined)[] = [];
    for (const inst of list) {
      const m = bySop.get(inst.sopInstanceUid);
      const frames = m?.numberOfFrames ?? inst.numberOfFrames;
      for (let f = 1; f <= frames; f++) {
        const id = imageIdOf(studyInstanceUid, s.seriesInstanceUid, inst.sopInstanceUid, f);
        if (m) rememberMeta(id, m);
        ids.push(id);
        metas.push(m);
      }
    }
    return { ids, metas };
  }

  async function openSeries(s: SeriesSummary): Promise<void> {
    const token = ++loadToken;
    current = s;
    renderSeriesList();
    setStatus('viewer.loadingSeries');
    const { ids } = await stackOf(s);
    if (disposed || token !== loadToken) return;
    if (!ids.length) {
      setStatus('viewer.noImages');
      return;
    }
    toolUtilities.stackPrefetch.disable(ctElement);
    imageIds = ids;
    imageIdSet = new Set(ids);
    loaded.clear();
    for (const id of ids) if (cache.isLoaded(id)) loaded.add(id);
    showLoaded();
    ctIndexBySop = new Map();
    ids.forEach((id, i) => {
      const sop = decodeURIComponent(id.split('/')[2] ?? '');
      if (!ctIndexBySop.has(sop)) ctIndexBySop.set(sop, i);
    });
    slider.max = String(ids.length);
    slider.disabled = ids.length < 2;
    researchBanner.hidden = !s.ai;
    ctElement.dataset.seriesUid = s.seriesInstanceUid;
    await ct.setStack(ids, 0);
    if (disposed || token !== loadToken) return;
    ct.render();
    toolUtilities.stackPrefetch.enable(ctElement);
    setStatus(null);
    showSlice();
    showVoi();
    showMeasurements();
    updateAiToggle();
    await syncAi(true);
  }

  // ---- AI overlay -----------------------------------------------------------------------
  function updateAiToggle(): void {
    const s = aiSeries();
    aiToggle.disabled = !s;
    aiToggle.title = s ? t('viewer.aiAvailable', { series: seriesLabel(s) }) : t('viewer.aiNone');
    aiToggle.dataset.available = String(Boolean(s));
    if (!s && aiOn) void setAi(false);
  }

  async function setAi(on: boolean): Promise<void> {
    aiOn = on;
    aiToggle.setAttribute('aria-pressed', String(on));
    aiPane.hidden = !on;
    engine.resize(true, true);
    if (on) await syncAi(true);
  }
  aiToggle.addEventListener('click', () => void setAi(!aiOn).catch(onError));

  async function loadAi(s: SeriesSummary): Promise<NonNullable<typeof ai>> {
    engine.enableElement({ viewportId: aiViewportId, type: Enums.ViewportType.STACK, element: aiElement, defaultOptions: { background: [0, 0, 0] } });
    const viewport = engine.getViewport(aiViewportId) as Types.IStackViewport;
    const group = ToolGroupManager.createToolGroup(aiToolGroupId)!;
    group.addTool(PanTool.toolName);
    group.addTool(ZoomTool.toolName);
    group.addViewport(aiViewportId, engineId);
    group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }, { mouseButton: MouseBindings.Auxiliary }] });
    group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
    const { ids, metas } = await stackOf(s);
    // metadata of each AI image (few): which CT image it was made from
    const full = await Promise.all(
      ids.map(async (id, i) => {
        const known = metas[i] ?? metaOf(id);
        if (known) return known;
        const [, , sop] = id.slice(id.indexOf(':') + 1).split('/').map(decodeURIComponent);
        const m = await instanceMetadata(studyInstanceUid, s.seriesInstanceUid, sop);
        rememberMeta(id, m);
        return m;
      }),
    );
    await viewport.setStack(ids, 0);
    return { viewport, imageIds: ids, sources: full.map((m) => m.sourceSopInstanceUids) };
  }

  /** The image of the shown stack each AI image was made from (evenly spread when unknown). */
  function aiTargets(a: NonNullable<typeof ai>): number[] {
    return a.sources.map((uids, i) => {
      const hit = uids.map((u) => ctIndexBySop.get(u)).find((x) => x !== undefined);
      return hit ?? Math.round((i * (imageIds.length - 1)) / Math.max(1, a.imageIds.length - 1));
    });
  }

  async function syncAi(force = false): Promise<void> {
    if (!aiOn || !imageIds.length) return;
    const s = aiSeries();
    if (!s) return;
    if (!ai) ai = await loadAi(s);
    if (disposed) return;
    const index = ct.getCurrentImageIdIndex();
    const targets = aiTargets(ai);
    let best = 0;
    targets.forEach((target, i) => {
      if (Math.abs(target - index) < Math.abs(targets[best] - index)) best = i;
    });
    const target = targets[best];
    aiCaption.textContent = t(target === index ? 'viewer.aiForImage' : 'viewer.aiNearest', { index: target + 1 });
    aiElement.dataset.index = String(best);
    if (force || ai.viewport.getCurrentImageIdIndex() !== best) {
      await ai.viewport.setImageIdIndex(best);
      ai.viewport.render();
    }
  }

  // ---- start ----------------------------------------------------------------------------
  void (async () => {
    series = await studySeries(studyInstanceUid);
    if (disposed) return;
    renderSeriesList();
    updateAiToggle();
    const firstImages = series.find((s) => s.hasImages && !s.ai) ?? series.find((s) => s.hasImages);
    if (!firstImages) {
      setStatus('viewer.noImages');
      return;
    }
    await openSeries(firstImages);
  })().catch((error) => {
    setStatus('viewer.failed');
    onError(error);
  });

  return {
    dispose() {
      if (disposed) return;
      disposed = true;
      loadToken++;
      try {
        toolUtilities.stackPrefetch.disable(ctElement);
      } catch {
        /* never enabled */
      }
      for (const c of cleanups) c();
      ToolGroupManager.destroyToolGroup(toolGroupId);
      if (ToolGroupManager.getToolGroup(aiToolGroupId)) ToolGroupManager.destroyToolGroup(aiToolGroupId);
      engine.destroy();
      container.replaceChildren();
    },
  };
}
