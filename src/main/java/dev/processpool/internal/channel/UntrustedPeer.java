package dev.processpool.internal.channel;

import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The bounds every socket of the library puts on a peer that has not authenticated yet (a pool's workers, a
 * forkserver's owner): frames of at most {@link #MAX_FRAME_BYTES}, and at most {@link #SILENCE_SECONDS} to
 * authenticate. A peer that breaks either is dropped, so it holds no buffer beyond that cap and its reading
 * thread no longer than that time. Anyone who can reach the socket file can connect; only a peer with the
 * secret can make it read more.
 */
public final class UntrustedPeer {
    /** No frame of a handshake is larger; a larger announced length is malformed and read no further. */
    public static final int MAX_FRAME_BYTES = 1024;
    /** A connection that has not authenticated within this time is closed. */
    public static final long SILENCE_SECONDS = 10;

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private UntrustedPeer() {
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                dev.processpool.internal.threads.Daemons.factory("processpool-authentication-timer"));
        timer.setRemoveOnCancelPolicy(true);   // a cancelled deadline holds no channel until it would have fired
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }

    /** A time limit on a handshake: closed in time, it is lifted; otherwise the channel is closed. */
    public interface Deadline extends AutoCloseable {
        @Override
        void close();
    }

    /** Closes {@code channel} (waking its reader) unless the returned deadline is closed within the limit. */
    public static Deadline dropIfSilent(FrameChannel channel) {
        ScheduledFuture<?> drop = TIMER.schedule(channel::close, SILENCE_SECONDS, TimeUnit.SECONDS);
        return () -> drop.cancel(false);
    }

    /** The peer's next frame, refused as malformed if larger than {@link #MAX_FRAME_BYTES}. */
    public static Frame receive(FrameChannel channel) throws IOException {
        return channel.receive(MAX_FRAME_BYTES);
    }
}
