using System.Security.Claims;
using FPbase.Data;
using FPbase.Data.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Accounts;

/// <summary>
/// API tokens, managed by their owner (any logged-in user):
/// <c>GET /api/tokens/</c> lists mine (no secrets), <c>POST /api/tokens/</c> <c>{"name": "..."}</c> creates one
/// and shows its secret once (only from a login session: a token cannot mint tokens), <c>DELETE /api/tokens/{id}/</c>
/// revokes one of mine (someone else's is a 404). Private: <c>Cache-Control: no-store</c>.
/// </summary>
internal static class ApiTokenEndpoints
{
    public const int MaxNameLength = 100;

    public const int MaxTokensPerUser = 25;

    public static void Map(IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/tokens").RequireAuthorization().WithTags("Accounts");
        tokens.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], ListAsync);
        tokens.MapPost("/", CreateAsync);
        tokens.MapDelete("/{id:int}/", RevokeAsync);
    }

    private static async Task<Ok<List<ApiTokenItem>>> ListAsync(HttpContext context, FpbaseDbContext db, CancellationToken ct)
    {
        var userId = UserId(context.User);
        context.Response.Headers.CacheControl = "no-store";
        var items = await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderBy(t => t.Id)
            .Select(t => new ApiTokenItem(t.Id, t.Name, t.Prefix, t.Created))
            .ToListAsync(ct);
        return TypedResults.Ok(items);
    }

    private static async Task<IResult> CreateAsync(CreateApiTokenRequest? request, HttpContext context, FpbaseDbContext db, CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (context.User.IsBearer())
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Tokens cannot create tokens",
                detail: "Create API tokens from a login session on the site.");
        }

        var name = request?.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["name"] = [$"A name of 1 to {MaxNameLength} characters is required."],
            });
        }

        var userId = UserId(context.User);
        if (await db.ApiTokens.CountAsync(t => t.UserId == userId, ct) >= MaxTokensPerUser)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Too many tokens",
                detail: $"A user may hold {MaxTokensPerUser} tokens; revoke one first.");
        }

        var secret = ApiTokenGenerator.NewSecret();
        var token = new ApiToken
        {
            UserId = userId,
            Name = name,
            Prefix = ApiTokenGenerator.PrefixOf(secret),
            Hash = ApiTokenGenerator.Hash(secret),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/tokens/{token.Id}/", new CreatedApiToken(token.Id, token.Name, token.Prefix, token.Created, secret));
    }

    private static async Task<IResult> RevokeAsync(int id, HttpContext context, FpbaseDbContext db, CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "no-store";
        var userId = UserId(context.User);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct);
        if (token is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"You have no token {id}.");
        }

        db.ApiTokens.Remove(token);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static string UserId(ClaimsPrincipal user)
        => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authenticated user has no id claim.");
}
