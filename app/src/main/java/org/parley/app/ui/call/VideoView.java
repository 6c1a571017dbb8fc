package org.parley.app.ui.call;

/** A call's video view that can draw into a native window or into a pixel buffer. */
interface VideoView extends VideoRenderer, PixelSource {}
