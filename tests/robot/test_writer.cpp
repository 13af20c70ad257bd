// SPDX-License-Identifier: MIT
// The writer's ownership rules and options (omni_shm_writer.h): one writer per name, a dead writer's segment
// taken over at once, close removes only its own segment, failures leave nothing behind, safe modes.
#include <omniscient/omni_shm.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <grp.h>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

std::string uniqueName(const char *test)
{
    return std::string("omni-test-writer-") + test + "-" + std::to_string(getpid());
}

bool exists(const std::string &name)
{
    struct stat st {
    };
    return stat(("/dev/shm/" + name).c_str(), &st) == 0;
}

unsigned modeOf(const std::string &name)
{
    struct stat st {
    };
    return stat(("/dev/shm/" + name).c_str(), &st) == 0 ? (st.st_mode & 07777U) : 0U;
}

ino_t inodeOf(const std::string &name)
{
    struct stat st {
    };
    return stat(("/dev/shm/" + name).c_str(), &st) == 0 ? st.st_ino : 0;
}

omni_state stateWith(int32_t direction)
{
    omni_state s{};
    s.direction = direction;
    return s;
}

/// Runs `body` in a child process and returns its exit status (or 128 + signal).
template <typename F> int inChild(F body)
{
    const pid_t pid = fork();
    if (pid == 0) {
        _exit(body());
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

class WriterTest : public ::testing::Test
{
protected:
    void SetUp() override { name = uniqueName(::testing::UnitTest::GetInstance()->current_test_info()->name()); }
    void TearDown() override
    {
        shm_unlink(("/" + name).c_str());
        shm_unlink(("/" + name + OMNI_SHM_WAKE_SUFFIX).c_str());
    }
    std::string name;
};

TEST_F(WriterTest, ASecondWriterOfALiveNameGetsEbusyInThisAndInAnotherProcessAndTheFirstIsUndisturbed)
{
    omni_writer *first = omni_writer_open(name.c_str());
    ASSERT_NE(first, nullptr) << std::strerror(errno);
    omni_state s = stateWith(2);
    ASSERT_EQ(omni_writer_publish(first, &s), 0);
    const uint64_t sequence = first->seg->header.sequence;
    const uint64_t generation = first->seg->header.writer_start_ns;

    errno = 0;
    EXPECT_EQ(omni_writer_open(name.c_str()), nullptr);
    EXPECT_EQ(errno, EBUSY);
    const int childErrno = inChild([&] {
        omni_writer *w = omni_writer_open(name.c_str());
        return w == nullptr ? errno : 0;
    });
    EXPECT_EQ(childErrno, EBUSY);

    // Undisturbed: same generation, same sequence, same payload, still named, and it keeps publishing.
    EXPECT_EQ(first->seg->header.magic, OMNI_SHM_MAGIC);
    EXPECT_EQ(first->seg->header.writer_start_ns, generation);
    EXPECT_EQ(first->seg->header.sequence, sequence);
    EXPECT_EQ(first->seg->state.direction, 2);
    EXPECT_NE(first->wake, nullptr);
    EXPECT_TRUE(exists(name));
    EXPECT_TRUE(exists(name + OMNI_SHM_WAKE_SUFFIX));
    s = stateWith(3);
    ASSERT_EQ(omni_writer_publish(first, &s), 0);
    EXPECT_EQ(first->seg->header.sequence, sequence + 2);
    omni_writer_close(first);
    EXPECT_FALSE(exists(name));
    EXPECT_FALSE(exists(name + OMNI_SHM_WAKE_SUFFIX));
}

TEST_F(WriterTest, ASegmentWhoseWriterWasKilledIsTakenOverAtOnceInPlace)
{
    const int status = inChild([&] {
        omni_writer *w = omni_writer_open(name.c_str());
        if (w == nullptr) {
            return 3;
        }
        omni_state s = stateWith(1);
        omni_writer_publish(w, &s);
        raise(SIGKILL); // no close: the segment, its wake-up segment and (until now) its lock stay behind
        return 4;
    });
    ASSERT_EQ(status, 128 + SIGKILL);
    ASSERT_TRUE(exists(name));
    const ino_t dead = inodeOf(name);

    omni_writer *w = omni_writer_open(name.c_str());
    ASSERT_NE(w, nullptr) << std::strerror(errno);
    EXPECT_EQ(inodeOf(name), dead) << "taken over in place: readers keep their mapping";
    EXPECT_EQ(w->seg->header.writer_pid, getpid());
    EXPECT_EQ(w->seg->header.sequence % 2, 0u);
    EXPECT_EQ(w->seg->state.direction, 0) << "the dead writer's payload is cleared";
    EXPECT_NE(w->wake, nullptr);
    EXPECT_EQ(w->wake->writer_start_ns, w->seg->header.writer_start_ns);
    omni_writer_close(w);
    EXPECT_FALSE(exists(name));
}

TEST_F(WriterTest, CloseLeavesASegmentThatIsNoLongerItsOwnUnderTheName)
{
    omni_writer *w = omni_writer_open(name.c_str());
    ASSERT_NE(w, nullptr);
    // Someone removes the name and another writer creates its segment there.
    ASSERT_EQ(shm_unlink(("/" + name).c_str()), 0);
    omni_writer *other = omni_writer_open(name.c_str());
    ASSERT_NE(other, nullptr) << std::strerror(errno);
    const ino_t theirs = inodeOf(name);

    omni_writer_close(w);
    EXPECT_TRUE(exists(name));
    EXPECT_EQ(inodeOf(name), theirs);
    EXPECT_TRUE(exists(name + OMNI_SHM_WAKE_SUFFIX)) << "the other writer's wake-up segment stays too";
    omni_state s = stateWith(3);
    EXPECT_EQ(omni_writer_publish(other, &s), 0);
    omni_writer_close(other);
    EXPECT_FALSE(exists(name));
}

TEST_F(WriterTest, DefaultModesAre0644AndAPrivateWakeSegment)
{
    omni_writer *w = omni_writer_open(name.c_str());
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(modeOf(name), 0644u);
    EXPECT_EQ(modeOf(name + OMNI_SHM_WAKE_SUFFIX), 0600u);
    omni_writer_close(w);
}

TEST_F(WriterTest, OptionsChooseTheModesAndTheGroupAndCanTurnTheWakeSegmentOff)
{
    omni_writer_options o = OMNI_WRITER_OPTIONS_INIT;
    o.segment_mode = 0640;
    o.wake_mode = 0660;
    o.group = static_cast<int64_t>(getegid());
    omni_writer *w = omni_writer_open_ex(name.c_str(), &o);
    ASSERT_NE(w, nullptr) << std::strerror(errno);
    EXPECT_EQ(modeOf(name), 0640u);
    EXPECT_EQ(modeOf(name + OMNI_SHM_WAKE_SUFFIX), 0660u);
    omni_writer_close(w);

    o.wake_mode = 0;
    w = omni_writer_open_ex(name.c_str(), &o);
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->wake, nullptr);
    EXPECT_FALSE(exists(name + OMNI_SHM_WAKE_SUFFIX));
    omni_state s = stateWith(1);
    EXPECT_EQ(omni_writer_publish(w, &s), 0);
    omni_writer_close(w);
}

TEST_F(WriterTest, BadOptionsAndNamesFailWithEinvalAndCreateNothing)
{
    omni_writer_options o = omni_writer_options_default();
    o.segment_mode = 0444; // the robot could not write its own segment
    errno = 0;
    EXPECT_EQ(omni_writer_open_ex(name.c_str(), &o), nullptr);
    EXPECT_EQ(errno, EINVAL);
    o = omni_writer_options_default();
    o.wake_mode = 01777;
    errno = 0;
    EXPECT_EQ(omni_writer_open_ex(name.c_str(), &o), nullptr);
    EXPECT_EQ(errno, EINVAL);
    EXPECT_FALSE(exists(name));
    errno = 0;
    EXPECT_EQ(omni_writer_open("a/b"), nullptr);
    EXPECT_EQ(errno, EINVAL);
    errno = 0;
    EXPECT_EQ(omni_writer_open(""), nullptr);
    EXPECT_EQ(errno, EINVAL);
}

/// Runs `body` in a child process that is not root (root may give any group, so the group option cannot fail
/// there): as root the child drops to nobody first. Returns the child's status; 77 = could not drop.
template <typename F> int asUnprivileged(F body)
{
    return inChild([&] {
        if (geteuid() == 0 && (setgroups(0, nullptr) != 0 || setgid(65534) != 0 || setuid(65534) != 0)) {
            return 77;
        }
        return getegid() == 0 ? 77 : body();
    });
}

TEST_F(WriterTest, AFailureAfterCreatingRemovesWhatThisCallCreated)
{
    // Group 0 (root's) cannot be given by an unprivileged robot: fchown() fails after the segment was created.
    const int status = asUnprivileged([&] {
        omni_writer_options o = omni_writer_options_default();
        o.group = 0;
        errno = 0;
        if (omni_writer_open_ex(name.c_str(), &o) != nullptr) {
            return 1;
        }
        return errno == EPERM ? 0 : 2;
    });
    if (status == 77) {
        GTEST_SKIP() << "cannot run a child process without root's group here";
    }
    EXPECT_EQ(status, 0) << "1: the open succeeded; 2: errno was not EPERM";
    EXPECT_FALSE(exists(name));
    EXPECT_FALSE(exists(name + OMNI_SHM_WAKE_SUFFIX));
}

TEST_F(WriterTest, AFailedTakeoverLeavesTheDeadWritersSegmentInPlace)
{
    const int status = asUnprivileged([&] {
        if (inChild([&] {
                omni_writer *w = omni_writer_open(name.c_str());
                raise(SIGKILL);
                return w != nullptr ? 0 : 3;
            }) != 128 + SIGKILL) {
            return 3;
        }
        const ino_t dead = inodeOf(name);
        omni_writer_options o = omni_writer_options_default();
        o.group = 0;
        errno = 0;
        if (omni_writer_open_ex(name.c_str(), &o) != nullptr) {
            return 1;
        }
        if (errno != EPERM) {
            return 2;
        }
        return inodeOf(name) == dead ? 0 : 4; // not created by this call: not removed by it
    });
    if (status == 77) {
        GTEST_SKIP() << "cannot run a child process without root's group here";
    }
    EXPECT_EQ(status, 0) << "1: the open succeeded; 2: errno was not EPERM; 3: no dead writer; 4: removed";
}

TEST_F(WriterTest, PublishAndCloseLeaveErrnoAloneAndPublishReportsEinvalForNull)
{
    omni_writer *w = omni_writer_open(name.c_str());
    ASSERT_NE(w, nullptr);
    omni_state s = stateWith(0);
    errno = 12345;
    EXPECT_EQ(omni_writer_publish(w, &s), 0);
    EXPECT_EQ(omni_writer_publish(w, nullptr), -EINVAL);
    EXPECT_EQ(omni_writer_publish(nullptr, &s), -EINVAL);
    EXPECT_EQ(errno, 12345);
    omni_writer_close(w);
    EXPECT_EQ(errno, 12345);
}

} // namespace
