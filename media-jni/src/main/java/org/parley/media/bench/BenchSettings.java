package org.parley.media.bench;

import org.parley.media.jni.ParleyCore;

/**
 * What one bench run does: picture size and rate, codec settings, the simulated network's
 * impairments, duration and which media flow. Fluent setters with the native defaults
 * ({@code parley::BenchSettings} in parley.h); the native side checks the values when a {@link
 * BenchRun} is made.
 */
public final class BenchSettings {
  private int width = 1280;
  private int height = 720;
  private int fps = 30;
  private int bitrateKbps = 0;
  private int startKbps = 1500;
  private int minKbps = 100;
  private int maxKbps = 2500;
  private int encoderSpeed = -6;
  private int encoderThreads = 1;
  private double lossPercent = 0;
  private double burstLength = 1;
  private int delayMs = 0;
  private int jitterMs = 0;
  private double reorderPercent = 0;
  private int capKbps = 0;
  private double seconds = 10;
  private double warmupSeconds = 2;
  private long seed = 1;
  private boolean audio = true;
  private boolean twoWay = false;
  private boolean srtp = true;
  private long windowHandle = 0;
  private int freezeThresholdMs = 150;
  private int sampleIntervalMs = 250;

  public BenchSettings width(int value) {
    width = value;
    return this;
  }

  public int width() {
    return width;
  }

  public BenchSettings height(int value) {
    height = value;
    return this;
  }

  public int height() {
    return height;
  }

  public BenchSettings fps(int value) {
    fps = value;
    return this;
  }

  public int fps() {
    return fps;
  }

  public BenchSettings bitrateKbps(int value) {
    bitrateKbps = value;
    return this;
  }

  public int bitrateKbps() {
    return bitrateKbps;
  }

  public BenchSettings startKbps(int value) {
    startKbps = value;
    return this;
  }

  public int startKbps() {
    return startKbps;
  }

  public BenchSettings minKbps(int value) {
    minKbps = value;
    return this;
  }

  public int minKbps() {
    return minKbps;
  }

  public BenchSettings maxKbps(int value) {
    maxKbps = value;
    return this;
  }

  public int maxKbps() {
    return maxKbps;
  }

  public BenchSettings encoderSpeed(int value) {
    encoderSpeed = value;
    return this;
  }

  public int encoderSpeed() {
    return encoderSpeed;
  }

  public BenchSettings encoderThreads(int value) {
    encoderThreads = value;
    return this;
  }

  public int encoderThreads() {
    return encoderThreads;
  }

  public BenchSettings lossPercent(double value) {
    lossPercent = value;
    return this;
  }

  public double lossPercent() {
    return lossPercent;
  }

  public BenchSettings burstLength(double value) {
    burstLength = value;
    return this;
  }

  public double burstLength() {
    return burstLength;
  }

  public BenchSettings delayMs(int value) {
    delayMs = value;
    return this;
  }

  public int delayMs() {
    return delayMs;
  }

  public BenchSettings jitterMs(int value) {
    jitterMs = value;
    return this;
  }

  public int jitterMs() {
    return jitterMs;
  }

  public BenchSettings reorderPercent(double value) {
    reorderPercent = value;
    return this;
  }

  public double reorderPercent() {
    return reorderPercent;
  }

  public BenchSettings capKbps(int value) {
    capKbps = value;
    return this;
  }

  public int capKbps() {
    return capKbps;
  }

  public BenchSettings seconds(double value) {
    seconds = value;
    return this;
  }

  public double seconds() {
    return seconds;
  }

  public BenchSettings warmupSeconds(double value) {
    warmupSeconds = value;
    return this;
  }

  public double warmupSeconds() {
    return warmupSeconds;
  }

  public BenchSettings seed(long value) {
    seed = value;
    return this;
  }

  public long seed() {
    return seed;
  }

  public BenchSettings audio(boolean value) {
    audio = value;
    return this;
  }

  public boolean audio() {
    return audio;
  }

  public BenchSettings twoWay(boolean value) {
    twoWay = value;
    return this;
  }

  public boolean twoWay() {
    return twoWay;
  }

  public BenchSettings srtp(boolean value) {
    srtp = value;
    return this;
  }

  public boolean srtp() {
    return srtp;
  }

  public BenchSettings windowHandle(long value) {
    windowHandle = value;
    return this;
  }

  public long windowHandle() {
    return windowHandle;
  }

  public BenchSettings freezeThresholdMs(int value) {
    freezeThresholdMs = value;
    return this;
  }

  public int freezeThresholdMs() {
    return freezeThresholdMs;
  }

  public BenchSettings sampleIntervalMs(int value) {
    sampleIntervalMs = value;
    return this;
  }

  public int sampleIntervalMs() {
    return sampleIntervalMs;
  }

  ParleyCore.BenchSettings toNative() {
    return new ParleyCore.BenchSettings()
        .width(width)
        .height(height)
        .fps(fps)
        .bitrateKbps(bitrateKbps)
        .startKbps(startKbps)
        .minKbps(minKbps)
        .maxKbps(maxKbps)
        .encoderSpeed(encoderSpeed)
        .encoderThreads(encoderThreads)
        .lossPercent(lossPercent)
        .burstLength(burstLength)
        .delayMs(delayMs)
        .jitterMs(jitterMs)
        .reorderPercent(reorderPercent)
        .capKbps(capKbps)
        .seconds(seconds)
        .warmupSeconds(warmupSeconds)
        .seed(seed)
        .audio(audio)
        .twoWay(twoWay)
        .srtp(srtp)
        .windowHandle(windowHandle)
        .freezeThresholdMs(freezeThresholdMs)
        .sampleIntervalMs(sampleIntervalMs);
  }
}
