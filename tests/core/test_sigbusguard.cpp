// SPDX-License-Identifier: MIT
// The SIGBUS guard on its own: a read past the end of a mapping whose file was truncated returns false instead of
// killing the process, again and again and from several threads; a SIGBUS outside a guarded call still kills.
// Runs under every sanitizer build: ASan, UBSan and TSan install SIGBUS handlers of their own.
#include "shm/sigbusguard.h"

#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <sys/mman.h>
#include <thread>
#include <unistd.h>
#include <vector>

using omni::detail::runGuardedAgainstSigbus;

namespace {

/// A shared mapping of an anonymous file, which the test can truncate under it.
class TruncatableMapping
{
public:
    TruncatableMapping()
    {
        m_fd = memfd_create("omni-sigbus-test", MFD_CLOEXEC);
        EXPECT_GE(m_fd, 0);
        EXPECT_EQ(ftruncate(m_fd, kSize), 0);
        m_map = static_cast<volatile const char *>(mmap(nullptr, kSize, PROT_READ, MAP_SHARED, m_fd, 0));
        EXPECT_NE(m_map, MAP_FAILED);
    }
    ~TruncatableMapping()
    {
        munmap(const_cast<char *>(m_map), kSize);
        close(m_fd);
    }
    TruncatableMapping(const TruncatableMapping &) = delete;
    TruncatableMapping &operator=(const TruncatableMapping &) = delete;

    void resize(off_t size) { ASSERT_EQ(ftruncate(m_fd, size), 0); }
    /// Reads one byte of the mapping (SIGBUS when the file no longer reaches it).
    char read(std::size_t offset) const { return m_map[offset]; }

    static constexpr off_t kSize = 4096;

private:
    int m_fd = -1;
    volatile const char *m_map = nullptr;
};

} // namespace

TEST(SigbusGuard, ReadingATruncatedMappingReturnsFalseEveryTimeAndTheProcessGoesOn)
{
    TruncatableMapping m;
    EXPECT_TRUE(runGuardedAgainstSigbus([&] { (void)m.read(100); }));
    m.resize(0);
    // Several faults in a row: the handler must be re-armed (signal mask restored) after each jump.
    for (int i = 0; i < 5; ++i) {
        bool finished = false;
        EXPECT_FALSE(runGuardedAgainstSigbus([&] {
            (void)m.read(100);
            finished = true;
        }));
        EXPECT_FALSE(finished);
    }
    m.resize(TruncatableMapping::kSize);
    EXPECT_TRUE(runGuardedAgainstSigbus([&] { (void)m.read(100); }));
}

TEST(SigbusGuard, GuardsEachThreadOnItsOwn)
{
    std::atomic<int> caught{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            TruncatableMapping m;
            m.resize(0);
            for (int i = 0; i < 50; ++i) {
                if (!runGuardedAgainstSigbus([&] { (void)m.read(10); })) {
                    caught.fetch_add(1);
                }
            }
        });
    }
    for (auto &t : threads) {
        t.join();
    }
    EXPECT_EQ(caught.load(), 200);
}

TEST(SigbusGuardDeathTest, ASigbusOutsideAGuardedCallStillKillsTheProcess)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    // The guard is installed (by a first guarded call) but does not swallow faults it does not guard: the default
    // action (or a sanitizer's report) follows, so real bugs are not hidden.
    EXPECT_DEATH(
        {
            TruncatableMapping m;
            (void)runGuardedAgainstSigbus([] {});
            m.resize(0);
            (void)m.read(100);
        },
        "");
}
