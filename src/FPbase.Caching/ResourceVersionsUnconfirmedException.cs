namespace FPbase.Caching;

/// <summary>
/// A write was committed, but its new versions could not be confirmed in the shared store within
/// <see cref="HttpCachingOptions.BumpTimeout"/>: other instances may still serve what it replaced, so
/// the write must not be acknowledged as done. Its outbox row makes the bump happen later. Hosts
/// answer it with 503 and a body that says the change was saved.
/// </summary>
public sealed class ResourceVersionsUnconfirmedException : Exception
{
    /// <summary>Creates the exception for <paramref name="count"/> resources.</summary>
    public ResourceVersionsUnconfirmedException(int count, TimeSpan timeout, Exception? innerException)
        : base($"The new versions of {count} resources could not be confirmed within {timeout.TotalSeconds:0.#} s.", innerException)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ResourceVersionsUnconfirmedException(string message)
        : base(message)
    {
    }
}
