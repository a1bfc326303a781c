package io.noveltylens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The progress arithmetic that the CLI's progress line, the IDE's rebuild percentage and ProgressSlice share. */
class WorkDoneTest {

    @Test
    void thePercentageIsRoundedDownAndReaches100OnlyWhenAllIsDone() {
        assertEquals(0, after(200, 1).percent());
        assertEquals(1, after(200, 1, 2).percent());
        assertEquals(99, after(200, 199).percent());
        assertEquals(100, after(200, 199, 1).percent());
    }

    @Test
    void moreWorkThanAnnouncedStaysAtTheWhole() {
        assertEquals(100, after(10, 25).percent());
        assertEquals(7, after(10, 25).share(7));
    }

    @Test
    void anUnknownTotalShowsNothingDone() {
        assertEquals(0, new WorkDone().percent());
        assertEquals(0, after(-1, 5).percent());
        assertEquals(0, after(0, 5).share(10));
    }

    @Test
    void aNewTaskCountsFromZero() {
        WorkDone work = after(4, 4);
        work.begin(8);
        work.add(2);
        assertEquals(25, work.percent());
    }

    @Test
    void largeTotalsDoNotOverflow() {
        WorkDone work = after(Integer.MAX_VALUE, Integer.MAX_VALUE - 1);
        assertEquals(99, work.percent());
        assertEquals(Integer.MAX_VALUE - 1, work.share(Integer.MAX_VALUE));
    }

    @Test
    void aSliceForwardsItsShareOfTheParentsUnitsAndTheRestWhenDone() {
        int[] parentWorked = new int[1];
        Progress parent = new Progress() {
            @Override
            public void begin(String task, int totalWork) {
                // the slice never begins its parent's task
            }

            @Override
            public void worked(int work) {
                parentWorked[0] += work;
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        };
        ProgressSlice slice = new ProgressSlice(parent, 10);
        slice.begin("three steps", 3);
        slice.worked(1);
        assertEquals(3, parentWorked[0]);
        slice.worked(1);
        assertEquals(6, parentWorked[0]);
        slice.worked(5);
        assertEquals(10, parentWorked[0], "never more than the slice's units");
        slice.done();
        assertEquals(10, parentWorked[0]);

        ProgressSlice unknown = new ProgressSlice(parent, 5);
        unknown.begin("unknown size", -1);
        unknown.worked(3);
        assertEquals(10, parentWorked[0]);
        unknown.done();
        assertEquals(15, parentWorked[0]);
    }

    /** A task of {@code total} units after {@code work} was reported, step by step. */
    private static WorkDone after(int total, int... work) {
        WorkDone done = new WorkDone();
        done.begin(total);
        for (int units : work) {
            done.add(units);
        }
        return done;
    }
}
