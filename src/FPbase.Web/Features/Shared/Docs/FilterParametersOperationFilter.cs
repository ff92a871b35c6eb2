using System.Reflection;
using System.Text.Json.Nodes;
using FPbase.Web.Features.Shared;
using FPbase.Web.Features.Shared.Filtering;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace FPbase.Web.Features.Shared.Docs;

/// <summary>
/// Documents the query parameters the API reads itself: the protein filters (from
/// <see cref="ProteinFilters"/>, the same table that applies them) and <c>format</c>.
/// </summary>
internal sealed class FilterParametersOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var marker = context.MethodInfo.GetCustomAttribute<ProteinFilterParametersAttribute>();
        if (marker is null)
        {
            return;
        }

        operation.Parameters ??= [];
        string[] formats = marker.Csv ? [ApiQuery.Csv, ApiQuery.Json] : [ApiQuery.Json];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = ApiQuery.FormatParameter,
            In = ParameterLocation.Query,
            Description = marker.Csv ? "csv (the default, FPbase's flattened columns) or json; without it, the Accept header chooses (application/json or text/csv)" : "json (the default and only format)",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = formats.Select(f => (JsonNode)JsonValue.Create(f)).ToList() },
        });

        foreach (var filter in ProteinFilters.Set.Filters)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = filter.Name,
                In = ParameterLocation.Query,
                Description = filter.Description,
                Schema = SchemaOf(filter.Kind, filter.Choices),
            });
        }
    }

    private static OpenApiSchema SchemaOf(FilterValueKind kind, IReadOnlyList<string>? choices) => kind switch
    {
        FilterValueKind.Integer => new OpenApiSchema { Type = JsonSchemaType.Integer },
        FilterValueKind.Number => new OpenApiSchema { Type = JsonSchemaType.Number },
        FilterValueKind.NumberRange => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = @"^[^,]+,[^,]+$", Description = "min,max" },
        FilterValueKind.TextList => new OpenApiSchema { Type = JsonSchemaType.String, Description = "comma-separated" },
        FilterValueKind.Choice => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = (choices ?? []).Select(c => (JsonNode)JsonValue.Create(c)).ToList(),
        },
        _ => new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
