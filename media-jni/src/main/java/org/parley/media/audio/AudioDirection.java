package org.parley.media.audio;

import org.parley.media.jni.ParleyCore;

/** Microphones or speakers. */
public enum AudioDirection {
  INPUT(ParleyCore.AUDIO_DIRECTION_INPUT),
  OUTPUT(ParleyCore.AUDIO_DIRECTION_OUTPUT);

  final int code;

  AudioDirection(int code) {
    this.code = code;
  }
}
