package dev.praxis.query.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AnnouncedHeadTest {

    @Test
    void theHighestIndexIsUnknownUntilAReadFindsNothingAndAgainAfterAnAnnouncementWithoutOne() {
        AnnouncedHead head = new AnnouncedHead();
        head.announced(OptionalLong.of(7));
        assertThat(head.heard()).isEqualTo(new AnnouncedHead.Heard(1, AnnouncedHead.UNKNOWN));

        head.confirmHead(head.heard(), 7);
        head.announced(OptionalLong.of(9));
        head.announced(OptionalLong.of(8));
        assertThat(head.heard()).isEqualTo(new AnnouncedHead.Heard(3, 9));

        head.announced(OptionalLong.empty());
        assertThat(head.heard()).isEqualTo(new AnnouncedHead.Heard(4, AnnouncedHead.UNKNOWN));
    }

    @Test
    void aReadOverTakenByAnAnnouncementConfirmsNothing() {
        AnnouncedHead head = new AnnouncedHead();
        AnnouncedHead.Heard before = head.heard();
        head.announced(OptionalLong.of(12));
        head.confirmHead(before, 10);
        assertThat(head.heard().highest()).isEqualTo(AnnouncedHead.UNKNOWN);
    }

    @Test
    void anAnnouncementNamesAnIndexOrNone() {
        assertThat(NewEventAnnouncements.highestIndex("42")).hasValue(42);
        assertThat(NewEventAnnouncements.highestIndex("")).isEmpty();
        assertThat(NewEventAnnouncements.highestIndex(null)).isEmpty();
        assertThat(NewEventAnnouncements.highestIndex("not a number")).isEmpty();
    }
}
