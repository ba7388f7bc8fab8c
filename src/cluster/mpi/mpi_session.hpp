// MPI's life in the program: started after the options are read (only when a launcher started
// the process), ended when main returns; rank 0 releases the other ranks on every way out.
#pragma once

namespace lfsr::cluster {

class MpiSession {
 public:
  // MPI_Init_thread with MPI_THREAD_SERIALIZED; errors on MPI_COMM_WORLD stay fatal (Open MPI then
  // ends every rank of the job).
  MpiSession();
  // Rank 0 tells the other ranks to finish; every rank writes its LFSR_MPI_STATS line, then
  // MPI_Finalize.
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }

  // The session of this process, or nullptr when MPI has not started.
  static MpiSession* active();

 private:
  int rank_ = 0;
  int size_ = 1;
};

// Ends every rank of the job with `exit_code` (MPI_Abort) when MPI has started and not ended; for
// a way out that cannot release the ranks in order (an exception nothing caught). Returns when
// MPI is not running.
void abort_job(int exit_code);

}  // namespace lfsr::cluster
