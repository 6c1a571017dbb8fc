// The one wrapper around libsrtp2's process-wide state (after mediasoup's
// DepLibSRTP): srtp_init() before the first session, srtp_shutdown() after
// the last, and readable names for libsrtp's error codes.
//
// libsrtp keeps a global crypto kernel; srtp_init() must run once before any
// srtp_create(), and srtp_shutdown() must not run while a session is alive.
// LibSrtp::Reference counts the users: SrtpSession holds one for its whole
// life, so nothing else in Parley calls srtp_init() or srtp_shutdown().
#ifndef PARLEY_SRTP_LIB_SRTP_H
#define PARLEY_SRTP_LIB_SRTP_H

namespace parley::srtp {

class LibSrtp {
 public:
  // A counted use of libsrtp. The first live Reference runs srtp_init(), the
  // destruction of the last runs srtp_shutdown(). Thread-safe: references
  // may be taken and dropped on any thread.
  class Reference {
   public:
    Reference();
    ~Reference();
    Reference(const Reference&) = delete;
    Reference& operator=(const Reference&) = delete;

    // True when libsrtp is initialised; false if srtp_init() failed (then
    // status() says why and no libsrtp call may be made).
    bool ok() const { return status_ == 0; }
    // libsrtp's srtp_err_status_t of srtp_init() (0 = srtp_err_status_ok).
    int status() const { return status_; }

   private:
    int status_;
  };

  // Live references (for tests).
  static int referenceCount();

  // Short, stable name of a libsrtp srtp_err_status_t value ("auth_fail",
  // "replay_old", ...); "unknown" for values libsrtp 2.5 does not define.
  static const char* errorName(int status);

  // libsrtp's version string, for example "libsrtp2 2.5.0".
  static const char* version();
};

}  // namespace parley::srtp

#endif  // PARLEY_SRTP_LIB_SRTP_H
