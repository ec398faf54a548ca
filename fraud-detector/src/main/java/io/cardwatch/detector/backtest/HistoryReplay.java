package io.cardwatch.detector.backtest;

import io.cardwatch.detector.model.LoadedModel;
import io.cardwatch.detector.model.Models;
import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.events.Decision;
import io.cardwatch.events.Transaction;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A labelled history replayed through the detector's own scoring exactly as the backtest replays it, for
 * measuring the scoring itself from outside the detector (the benchmarks): each decision is handed over with its
 * transaction and the card's profile before it, rather than measured against the labels.
 */
public final class HistoryReplay implements AutoCloseable {

    /** What the replay shows of each transaction it scored. */
    public interface Visitor {
        void scored(Transaction transaction, CardProfile before, Decision decision);
    }

    private final History history;
    private final DetectorScoring detector;
    private final Backtest backtest;

    private HistoryReplay(History history, DetectorScoring detector, Backtest backtest) {
        this.history = history;
        this.detector = detector;
        this.backtest = backtest;
    }

    /** {@code history}, in Cardwatch's own layout, to be scored under the card and merchant lists in {@code lists}. */
    public static HistoryReplay of(Path history, Path lists) throws IOException {
        History read = new HistoryReader(ColumnMapping.defaultLayout()).read(history, HistoryFormat.of(history));
        ListEntries entries = ListEntries.read(lists);
        DetectorScoring detector = DetectorScoring.start();
        return new HistoryReplay(read, detector, new Backtest(detector.scoring(), entries));
    }

    /** The history's readable transactions. */
    public int transactions() {
        return history.transactions().size();
    }

    /** The model in {@code file} (fraud-models JSON), compiled, if the detector would put it in force. */
    public LoadedModel model(Path file) throws IOException {
        return detector.modelIn(file);
    }

    /** Scores the whole history, in event time, under the detector's default rule set with {@code models}. */
    public void replay(Models models, Visitor visitor) {
        backtest.replay(history.transactions(), detector.defaultRuleSet(), models,
                (row, before, scored) -> visitor.scored(row.transaction(), before, scored.decision()));
    }

    @Override
    public void close() {
        detector.close();
    }
}
