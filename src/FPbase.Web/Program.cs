using FPbase.Web.Features.Accounts;

var builder = WebApplication.CreateBuilder(args);

builder.AddFpbaseForwardedHeaders();
builder.AddFpbaseDatabase();
await builder.AddFpbaseCachingAsync();
builder.AddFpbaseHealthChecks();
builder.AddFpbaseMetrics();
builder.AddFpbaseProblemDetails();
builder.AddFpbaseMvc();
builder.AddFpbasePages();
builder.AddFpbaseFret();
builder.AddFpbaseGenBank();
builder.AddFpbaseCountry();
builder.AddFpbaseApi();
builder.AddFpbaseGraphQL();
builder.AddFpbaseAuth();
builder.AddFpbaseRateLimiting();
builder.AddFpbaseRequestLimits();
builder.AddFpbaseCors();
builder.AddFpbasePopularity();

var app = builder.Build();

app.UseFpbaseForwardedHeaders();
app.UseFpbaseRevalidationShortcut();
app.UseNoCookiesOnPublicResponses();
app.UseFpbaseProblemDetails();
app.UseStaticFiles();
app.UseRouting();
app.UseFpbaseCors();
app.UseFpbaseAuthentication();
app.UseFpbaseRateLimiting();
app.UseFpbaseRequestLimits();
app.UseAuthorization();
app.UseFpbaseAntiforgery();
app.UseProteinViewCounting();
app.UseFpbaseFraming();
app.UseHttpCaching();
app.UseFpbaseEndpointRateLimiting();

app.MapFpbaseHealthChecks();
app.MapFpbaseMetrics();
app.MapFpbaseStaticAssets();
app.MapControllers().WithStaticAssets();
app.MapFpbaseApi();
app.MapFpbaseGraphQL();
app.MapFpbaseAccounts();

// After the endpoints are mapped (the caching policy is checked against what they declare), before anything runs.
if (!app.HasValidSettings())
{
    return 1;
}

await app.InitializeDatabaseAsync();

// An operator's command instead of the site: grant-staff / revoke-staff <user> (docs/deployment.md).
if (StaffCommand.Matches(args))
{
    return await StaffCommand.RunAsync(app.Services, args, Console.Out);
}

app.Run();
return 0;
