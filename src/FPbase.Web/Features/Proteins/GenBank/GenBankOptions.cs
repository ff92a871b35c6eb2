namespace FPbase.Web.Features.Proteins.GenBank;

/// <summary>
/// Section <c>GenBank</c>: where Entrez answers, how long a protein page's GenBank part waits for it, how long a fetched
/// record is kept, and how hard the client tries (timeouts, retries with jitter, circuit breaker). Checked at start
/// (<see cref="GenBankOptionsValidator"/>): a setting that cannot work stops the site with one line.
/// </summary>
public sealed class GenBankOptions
{
    public const string SectionName = "GenBank";

    /// <summary>The E-utilities base URL; <c>efetch.fcgi</c> is asked relative to it.</summary>
    public string EntrezBaseUrl { get; set; } = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/";

    /// <summary>The longest a GenBank fragment waits for a fetch in flight before it answers "not available yet".</summary>
    public TimeSpan PageBudget { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long one accession's record (or its absence from GenBank) is kept: one cache entry per accession.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most records kept in memory at once (the least recently used go first).</summary>
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>The most accessions asked of Entrez in one request.</summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>How long the fetcher gathers accessions after the first one before it asks Entrez.</summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The least time between two batches sent to Entrez (NCBI allows 3 requests a second without an API key, 10 with one).</summary>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromMilliseconds(350);

    /// <summary>One attempt's timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>One batch's timeout, its retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries after a transient failure (5xx, 408, 429, a timeout, a broken connection), with jittered exponential backoff or the server's Retry-After.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's median delay.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The circuit opens when at least this share of the attempts in <see cref="BreakSamplingDuration"/> failed ...</summary>
    public double BreakFailureRatio { get; set; } = 0.5;

    /// <summary>... and there were at least this many of them.</summary>
    public int BreakMinimumThroughput { get; set; } = 4;

    public TimeSpan BreakSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses every attempt before one is let through again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>NCBI asks every client to name itself (<c>tool</c>, <c>email</c>); an API key raises its rate limit.</summary>
    public string Tool { get; set; } = "fpbase-dotnet";

    public string? Email { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>The base URL with its trailing slash, so that relative paths resolve beneath it.</summary>
    public Uri BaseUri => new(EntrezBaseUrl.EndsWith('/') ? EntrezBaseUrl : EntrezBaseUrl + "/", UriKind.Absolute);
}
