using FPbase.Web.Features.Proteins.Regional;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Visitors' countries from a local MaxMind database (section <c>Country</c>, <see cref="CountryOptions"/>), for the regional links of the protein pages.</summary>
internal static class CountryHostingExtensions
{
    public static WebApplicationBuilder AddFpbaseCountry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CountryOptions>().Bind(builder.Configuration.GetSection(CountryOptions.SectionName));
        builder.Services.AddSingleton<CountryLookup>();
        return builder;
    }
}
