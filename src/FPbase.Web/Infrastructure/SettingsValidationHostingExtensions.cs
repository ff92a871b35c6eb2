using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Settings checked at start (every <c>ValidateOnStart</c>: rate limits, request limits, forwarded headers, Secure
/// cookies without HTTPS, the caching policy and what the cached endpoints declare), checked once the pipeline and
/// endpoints are configured and before anything runs (migrations, seeding, listening). A setting that
/// cannot work stops the site with one line on stderr, naming what to set, and exit code 1, instead of a stack
/// trace or a site that answers 500.
/// </summary>
internal static class SettingsValidationHostingExtensions
{
    public const string Prefix = "FPbase cannot start: ";

    public static bool HasValidSettings(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return true;
        }
        catch (Exception ex) when (Failures(ex) is { Count: > 0 } failures)
        {
            // Distinct: a validator that reads other options reports their failures too.
            Console.Error.WriteLine(Prefix + string.Join(" ", failures.Select(f => f.TrimEnd('.') + ".").Distinct()));
            return false;
        }
    }

    private static List<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException invalid => invalid.Failures.ToList(),
        AggregateException many when many.InnerExceptions.All(e => e is OptionsValidationException)
            => many.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures).ToList(),
        _ => [],
    };
}
