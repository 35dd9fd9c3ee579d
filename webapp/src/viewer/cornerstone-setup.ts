// One-time set-up of cornerstone3D on the page: rendering (CPU when there is no usable GPU),
// the tools, and the 'teleris-wado' image loader.
import { Enums, imageLoadPoolManager, init as coreInit, setUseCPURendering, getShouldUseCPURendering } from '@cornerstonejs/core';
import {
  addTool,
  init as toolsInit,
  LengthTool,
  PanTool,
  ProbeTool,
  RectangleROITool,
  StackScrollTool,
  WindowLevelTool,
  ZoomTool,
} from '@cornerstonejs/tools';
import { registerWadoLoader } from './loader';

let done = false;

/**
 * Whether the GPU path is worth taking: WebGL 2 must exist and not be a software rasteriser
 * (SwiftShader, llvmpipe), which is slower than cornerstone's CPU path on a weak clinic PC.
 */
export function gpuUsable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !/swiftshader|llvmpipe|softpipe|software|microsoft basic render/i.test(renderer);
  } catch {
    return false;
  }
}

export function setUpCornerstone(): { cpu: boolean } {
  if (!done) {
    const cpu = !gpuUsable();
    coreInit();
    if (cpu) setUseCPURendering(true);
    toolsInit();
    for (const tool of [WindowLevelTool, PanTool, ZoomTool, StackScrollTool, LengthTool, RectangleROITool, ProbeTool]) {
      addTool(tool);
    }
    registerWadoLoader();
    // The browser opens 6 connections per host: prefetching takes at most 4 of them, so the
    // image the expert scrolls to next never waits behind a queue of prefetches.
    imageLoadPoolManager.setMaxSimultaneousRequests(Enums.RequestType.Prefetch, 4);
    done = true;
  }
  return { cpu: getShouldUseCPURendering() };
}
