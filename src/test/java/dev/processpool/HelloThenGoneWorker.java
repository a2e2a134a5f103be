package dev.processpool;

import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.FrameType;
import dev.processpool.internal.channel.FrameWriter;
import dev.processpool.internal.workerjvm.StdinLine;
import dev.processpool.internal.workerjvm.WarmUpHints;
import java.nio.file.Path;

/**
 * A worker that connects, says HELLO with its token, and is gone before its pool can send it START: a worker
 * that dies in the middle of its start. A reserve worker's hints line, if any, comes first on its stdin.
 */
public final class HelloThenGoneWorker {
    private HelloThenGoneWorker() {
    }

    public static void main(String[] args) throws Exception {
        String line = StdinLine.read(System.in);
        if (WarmUpHints.isHints(line)) {
            line = StdinLine.read(System.in);
        }
        String[] request = line.split("\t");
        if (request.length < 2) {
            return;   // a reserve worker whose forkserver is gone
        }
        FrameChannel channel = FrameChannel.connect(Path.of(request[0]));
        channel.send(new FrameWriter(FrameType.HELLO).putString(request[1]).putLong(ProcessHandle.current().pid()));
        channel.close();
        Runtime.getRuntime().halt(5);
    }
}
