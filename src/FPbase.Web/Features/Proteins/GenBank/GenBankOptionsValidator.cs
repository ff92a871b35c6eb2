using Microsoft.Extensions.Options;

namespace FPbase.Web.Features.Proteins.GenBank;

/// <summary>Refuses GenBank settings that cannot work, each failure one sentence naming the setting (see SettingsValidationHostingExtensions).</summary>
internal sealed class GenBankOptionsValidator : IValidateOptions<GenBankOptions>
{
    private const string S = GenBankOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, GenBankOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.EntrezBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            failures.Add($"{S}EntrezBaseUrl is '{options.EntrezBaseUrl}', not an absolute http or https URL without a query (e.g. https://eutils.ncbi.nlm.nih.gov/entrez/eutils/)");
        }

        Between(failures, nameof(options.PageBudget), options.PageBudget, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Between(failures, nameof(options.Lifetime), options.Lifetime, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30));
        Between(failures, nameof(options.BatchWindow), options.BatchWindow, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Between(failures, nameof(options.MinimumInterval), options.MinimumInterval, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        // Polly's own limits: timeouts from 10 ms to a day, sampling and break durations from half a second.
        Between(failures, nameof(options.AttemptTimeout), options.AttemptTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5));
        Between(failures, nameof(options.TotalTimeout), options.TotalTimeout, options.AttemptTimeout, TimeSpan.FromMinutes(10));
        Between(failures, nameof(options.RetryDelay), options.RetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Between(failures, nameof(options.BreakSamplingDuration), options.BreakSamplingDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1));
        Between(failures, nameof(options.BreakDuration), options.BreakDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1));
        if (options.MaxEntries < 1)
        {
            failures.Add($"{S}MaxEntries is {options.MaxEntries}, not a whole number from 1 up");
        }

        if (options.MaxBatchSize is < 1 or > 500)
        {
            failures.Add($"{S}MaxBatchSize is {options.MaxBatchSize}, not from 1 to 500 (Entrez takes a few hundred ids per request)");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{S}MaxRetries is {options.MaxRetries}, not from 0 to 10");
        }

        if (options.BreakMinimumThroughput < 2)
        {
            failures.Add($"{S}BreakMinimumThroughput is {options.BreakMinimumThroughput}, not a whole number from 2 up");
        }

        if (options.BreakFailureRatio is <= 0 or > 1 || double.IsNaN(options.BreakFailureRatio))
        {
            failures.Add($"{S}BreakFailureRatio is {options.BreakFailureRatio}, not a share above 0 and at most 1");
        }

        if (string.IsNullOrWhiteSpace(options.Tool))
        {
            failures.Add($"{S}Tool is empty: NCBI asks every client to name itself");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Between(List<string> failures, string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{S}{setting} is {value:c}, not from {min:c} to {max:c}");
        }
    }
}
