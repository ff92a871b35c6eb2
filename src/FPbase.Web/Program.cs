var builder = WebApplication.CreateBuilder(args);

builder.AddFpbaseDatabase();
await builder.AddFpbaseCachingAsync();
builder.AddFpbaseHealthChecks();
builder.AddFpbaseProblemDetails();
builder.AddFpbaseMvc();
builder.AddFpbasePages();
builder.AddFpbaseApi();
builder.AddFpbaseGraphQL();

var app = builder.Build();

await app.InitializeDatabaseAsync();

app.UseFpbaseProblemDetails();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthorization();
app.UseHttpCaching();

app.MapFpbaseHealthChecks();
app.MapFpbaseStaticAssets();
app.MapControllers().WithStaticAssets();
app.MapFpbaseApi();
app.MapFpbaseGraphQL();

app.Run();
