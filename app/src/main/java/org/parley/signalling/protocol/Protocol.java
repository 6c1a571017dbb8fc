package org.parley.signalling.protocol;

/** Constants of the signalling protocol, version 1 ({@code docs/signalling-protocol.md}). */
public final class Protocol {
  private Protocol() {}

  /** The value of every message's {@code "v"}. */
  public static final int VERSION = 1;
  /** Default TCP port of the signalling server. */
  public static final int DEFAULT_PORT = 8788;
  /** The WebSocket path clients connect to. */
  public static final String PATH = "/signalling";
  /** Largest message accepted, in UTF-8 bytes; larger ones get {@code TOO_LARGE}. */
  public static final int MAX_MESSAGE_BYTES = 64 * 1024;
  /** Frames larger than this close the connection with status 1009. */
  public static final int MAX_FRAME_BYTES = 1024 * 1024;
  /** Default interval between client pings, in milliseconds. */
  public static final long DEFAULT_HEARTBEAT_MS = 5000;
  /** WebSocket close status after {@code logged-out}. */
  public static final int CLOSE_NORMAL = 1000;
  /** WebSocket close status when the server shuts down. */
  public static final int CLOSE_GOING_AWAY = 1001;
  /** WebSocket close status for a frame over {@link #MAX_FRAME_BYTES}. */
  public static final int CLOSE_TOO_BIG = 1009;
  /** WebSocket close status when the server has its maximum of clients (after SERVER_FULL). */
  public static final int CLOSE_SERVER_FULL = 1013;
  /** WebSocket close status after 3 heartbeats of silence. */
  public static final int CLOSE_HEARTBEAT_TIMEOUT = 4000;
  /** WebSocket close status after {@code kicked}. */
  public static final int CLOSE_KICKED = 4001;
  /** WebSocket close status for an abusive connection (RFC 6455 section 7.4.1, policy). */
  public static final int CLOSE_POLICY = 1008;
  /** At most this many user ids in one {@code watch} message. */
  public static final int MAX_WATCH_USERS_PER_MESSAGE = 256;
  /** Wire value of {@code login.presence}: pushes about every user (the default). */
  public static final String PRESENCE_ALL = "all";
  /** Wire value of {@code login.presence}: pushes only about the users named in {@code watch}. */
  public static final String PRESENCE_WATCH = "watch";
  /** Wire value of {@code kicked.reason} when the same user logged in elsewhere. */
  public static final String KICK_LOGGED_IN_ELSEWHERE = "logged-in-elsewhere";
}
