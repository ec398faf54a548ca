package io.cardwatch.detector.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.embedded.KafkaBroker;
import io.cardwatch.embedded.TopicContents;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The history loader on a real broker. */
class HistoryLoadMainTest {

    @Test
    void publishesEachCardsReadableHistoryInEventTimeOrderKeyedByCard() throws IOException {
        ColumnMapping mapping = ColumnMapping.read(HistoryReaderTest.SPARKOV_MAPPING);
        List<Transaction> read = new HistoryReader(mapping).read(HistoryReaderTest.SPARKOV, HistoryFormat.CSV)
                .transactions().stream().map(LabelledTransaction::transaction).toList();
        try (KafkaBroker broker = KafkaBroker.withCardwatchTopics()) {

            long sent = HistoryLoadMain.load(HistoryReaderTest.SPARKOV, mapping, broker.bootstrapServers());

            List<ConsumerRecord<String, Transaction>> records = TopicContents.readAll(broker.bootstrapServers(),
                    Topics.TRANSACTION_HISTORY.name(), Topics.TRANSACTION_HISTORY.keySerde().deserializer(),
                    Topics.TRANSACTION_HISTORY.valueSerde().deserializer());
            assertThat(sent).isEqualTo(19);
            assertThat(records).hasSize(19).allMatch(record -> record.key().equals(record.value().cardId()));
            // A card's records share a partition, where they are read in the order sent.
            assertThat(byCard(records.stream().map(ConsumerRecord::value).toList())).isEqualTo(byCard(read));
        }
    }

    private static Map<String, List<Transaction>> byCard(List<Transaction> transactions) {
        return transactions.stream().collect(Collectors.groupingBy(Transaction::cardId, LinkedHashMap::new,
                Collectors.toList()));
    }
}
