package io.noveltylens.benchmarks.validity;

/**
 * The held-out sets: five graded ones (0 = in the index, 4 = another genre; a readout should rise with the grade)
 * and two of joined paragraphs for the length effect, which have no grade.
 */
enum ValiditySet {
    COPY("copy", 0), PARAPHRASE("paraphrase", 1), UNSEEN("unseen", 2), OTHER_AUTHOR("other-author", 3),
    OTHER_GENRE("other-genre", 4), UNSEEN_JOINED("unseen-joined", -1), OTHER_GENRE_JOINED("other-genre-joined", -1);

    private final String label;
    private final int grade;

    ValiditySet(String label, int grade) {
        this.label = label;
        this.grade = grade;
    }

    String label() {
        return label;
    }

    int grade() {
        return grade;
    }

    boolean graded() {
        return grade >= 0;
    }

    static ValiditySet of(String label) {
        for (ValiditySet set : values()) {
            if (set.label.equals(label)) {
                return set;
            }
        }
        throw new IllegalArgumentException("unknown set " + label);
    }
}
