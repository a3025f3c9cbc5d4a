package drslink.render;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work that runs on a thread of its own while the caller goes on, and is joined where its result is needed: the
 * template warm-up ({@code Pipeline.prepareRenderer}), and the README and the policy documents rendered beside the .tf
 * files ({@link TreeRenderer#render}). A failure reaches the joining thread as it was thrown (a checked exception
 * wrapped), so it is reported like one on the caller's own thread. The thread is a daemon: a run that fails elsewhere
 * does not wait for it.
 */
public final class Background<T> {
  private final FutureTask<T> task;

  private Background(FutureTask<T> task) {
    this.task = task;
  }

  /** Starts {@code work} on a new thread named {@code name}. */
  public static <T> Background<T> start(String name, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return new Background<>(task);
  }

  /** Runs {@code work} on the calling thread, now: for a caller that did not start it ahead. */
  public static <T> Background<T> runHere(Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    task.run();
    return new Background<>(task);
  }

  /** Waits for the work and returns its result; the task publishes it safely to this thread. */
  public T join() {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for background work", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    }
  }
}
