using FPbase.Web.Features.Proteins.GenBank;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// GenBank records for the protein pages (section <c>GenBank</c>, <see cref="GenBankOptions"/>, checked at start): one
/// cache entry per accession, fetched in batches off the request path by <see cref="GenBankFetcher"/> through the
/// <c>entrez</c> HttpClient and its resilience pipeline, outermost first: the batch's total timeout, retries (jittered
/// exponential backoff, or the server's Retry-After on a 429 or 503), the circuit breaker, one attempt's timeout.
/// </summary>
internal static class GenBankHostingExtensions
{
    public static WebApplicationBuilder AddFpbaseGenBank(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GenBankOptions>().Bind(builder.Configuration.GetSection(GenBankOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GenBankOptions>, GenBankOptionsValidator>();
        builder.Services.AddSingleton<GenBankSequences>();
        builder.Services.AddSingleton<EntrezClient>();
        builder.Services.AddSingleton<GenBankFragmentResolver>();
        builder.Services.AddHostedService<GenBankFetcher>();

        builder.Services.AddHttpClient(EntrezClient.HttpClientName, (services, client) =>
            {
                var options = services.GetRequiredService<IOptions<GenBankOptions>>().Value;
                // The pipeline's timeouts bound the exchange; this bounds reading the body, which follows it.
                client.Timeout = options.TotalTimeout + options.AttemptTimeout;
                client.MaxResponseContentBufferSize = 16 * 1024 * 1024;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("FPbase/1.0 (+https://www.fpbase.org)");
            })
            .AddResilienceHandler("entrez", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<GenBankOptions>>().Value;
                pipeline
                    .AddTimeout(options.TotalTimeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                        ShouldHandle = options.MaxRetries == 0 ? _ => ValueTask.FromResult(false) : new HttpRetryStrategyOptions().ShouldHandle,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = options.RetryDelay,
                        MaxDelay = options.TotalTimeout,
                        ShouldRetryAfterHeader = true,
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = options.BreakFailureRatio,
                        MinimumThroughput = options.BreakMinimumThroughput,
                        SamplingDuration = options.BreakSamplingDuration,
                        BreakDuration = options.BreakDuration,
                    })
                    .AddTimeout(options.AttemptTimeout);
            });
        return builder;
    }
}
