using FPbase.Web.Features.GraphQL.GraphiQL;
using FPbase.Web.Features.GraphQL.Types;
using GraphQL;
using GraphQLParser.AST;

namespace FPbase.Web.Features.GraphQL.Transport;

/// <summary>
/// <c>/graphql/</c>: runs one GraphQL request (GET, HEAD or POST) and answers with its JSON, or serves GraphiQL to a
/// browser (<see cref="GraphiQLPage"/>). A request
/// that cannot run (bad JSON, no query, a parse or validation error, too deep or too complex) is a 400
/// with <c>{"errors":[...]}</c>; a body over 1 MB is a 413 problem. Resolver failures are not turned into
/// GraphQL errors: they propagate (a database outage becomes the site's 503), so a transient failure is
/// never cached as data.
/// </summary>
internal static class GraphQLEndpoint
{
    public static async Task HandleAsync(HttpContext context, IDocumentExecuter executer, IGraphQLTextSerializer serializer, FpbaseSchema schema)
    {
        if (GraphiQLPage.Requested(context.Request))
        {
            await GraphiQLPage.WriteAsync(context);
            return;
        }

        var read = await GraphQLRequestReader.ReadAsync(context);
        if (read.Request is not { } request)
        {
            if (read.ErrorStatus == StatusCodes.Status413PayloadTooLarge)
            {
                await Results.Problem(statusCode: read.ErrorStatus, title: "Payload Too Large", detail: read.Error).ExecuteAsync(context);
                return;
            }

            await WriteAsync(context, serializer, read.ErrorStatus, new ExecutionResult { Errors = [new ExecutionError(read.Error!)] });
            return;
        }

        var document = GraphQLDocuments.TryParse(request.Query);
        var selected = document is null ? null : GraphQLDocuments.Select(document, request.OperationName);
        if (selected is { Operation: not OperationType.Query })
        {
            var message = $"This API only answers queries: it has no {selected.Operation.ToString().ToLowerInvariant()} type.";
            await WriteAsync(context, serializer, StatusCodes.Status400BadRequest, new ExecutionResult { Errors = [new ExecutionError(message)] });
            return;
        }

        if (document is not null && selected is not null && GraphQLDocuments.ExpandedSelections(document, selected) > GraphQLDocuments.MaxExpandedSelections)
        {
            var message = $"The query makes more than {GraphQLDocuments.MaxExpandedSelections:N0} selections once its fragments are expanded.";
            await WriteAsync(context, serializer, StatusCodes.Status400BadRequest, new ExecutionResult { Errors = [new ExecutionError(message)] });
            return;
        }

        var result = await executer.ExecuteAsync(options =>
        {
            options.Schema = schema;
            options.Query = request.Query;
            options.Document = document;
            options.OperationName = request.OperationName;
            options.Variables = (selected is null ? request.Variables : GraphQLDocuments.DeclaredVariables(selected, request.Variables)) is { } variables
                ? serializer.Deserialize<Inputs>(variables.GetRawText())
                : null;
            options.RequestServices = context.RequestServices;
            options.CancellationToken = context.RequestAborted;
            options.ThrowOnUnhandledException = true;
        });

        await WriteAsync(context, serializer, result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, result);
    }

    private static async Task WriteAsync(HttpContext context, IGraphQLTextSerializer serializer, int status, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await ((IGraphQLSerializer)serializer).WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
