package io.cardwatch.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void readsBackWhatItWrote() {
        Cursor cursor = new Cursor(700, Instant.parse("2026-11-20T10:15:30.123456Z"), "tx|with|bars");

        assertThat(cursor.encode()).isEqualTo("NzAwfDIwMjYtMTEtMjBUMTA6MTU6MzAuMTIzNDU2Wnx0eHx3aXRofGJhcnM");
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void refusesWhatIsNoCursor() {
        for (String notACursor : new String[] {"not base64!", "NzAw", "eHx5fHo", "NzAwfDIwMjYtMTEtMjBUMTA6MTU6MzBafA"}) {
            assertThatThrownBy(() -> Cursor.decode(notACursor)).as(notACursor)
                    .isInstanceOf(InvalidQueueQueryException.class).hasMessage("cursor is not a cursor of this queue");
        }
    }
}
