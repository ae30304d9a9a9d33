#pragma once
// Runs independent jobs on every core. Each job writes only its own slot of a result the
// caller made beforehand, and the caller reads the slots in index order afterwards, so
// what a build writes never depends on how many threads ran it or which finished first.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace planpack::util {

// How many threads parallel_for uses for n jobs: one per core, or PLANPACK_JOBS when it
// is a whole number from 1 (tests build on several counts and compare), never more than
// the jobs.
inline size_t worker_count(size_t n) {
    size_t workers = std::max(1u, std::thread::hardware_concurrency());
    if (const char* jobs = std::getenv("PLANPACK_JOBS")) {
        char* end = nullptr;
        const long asked = std::strtol(jobs, &end, 10);
        if (end != jobs && *end == '\0' && asked >= 1 && asked <= 256) workers = static_cast<size_t>(asked);
    }
    return std::min(workers, n);
}

// Calls job(i) once for each i in [0, n). Jobs are taken one at a time from a shared
// counter, so a slow job does not hold back the rest. The first exception a job throws is
// rethrown here once every thread has stopped.
template <class Job>
void parallel_for(size_t n, Job&& job) {
    const size_t workers = worker_count(n);
    if (workers <= 1) {
        for (size_t i = 0; i < n; ++i) job(i);
        return;
    }
    std::atomic<size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_lock;
    auto work = [&] {
        for (size_t i; (i = next.fetch_add(1)) < n;) {
            try {
                job(i);
            } catch (...) {
                std::lock_guard lock(failure_lock);
                if (!failure) failure = std::current_exception();
                next = n;  // the build has failed: start no more
            }
        }
    };
    std::vector<std::thread> threads;
    threads.reserve(workers - 1);
    for (size_t t = 1; t < workers; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace planpack::util
