package dev.processpool.sample.second;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What not to do, on purpose: a request-scoped owner, so every request starts a pool and its workers and stops them
 * at its end. The library warns about this injection point at deployment (the ITs look for the warning in the
 * server's log); an {@code @ApplicationScoped} owner such as {@link LetterService} is the right shape.
 */
@RequestScoped
public class PerRequestLetters {
    @Inject
    @ProcessPool(startMethod = "forkserver", processes = 1)
    Pool pool;

    public List<Lettered> upper(List<String> texts) {
        return pool.map(Letters::upper, texts);
    }
}
