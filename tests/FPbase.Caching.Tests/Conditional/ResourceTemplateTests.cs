using FPbase.Caching.Http;
using Microsoft.AspNetCore.Routing;

namespace FPbase.Caching.Tests.Conditional;

public sealed class ResourceTemplateTests
{
    [Fact]
    public void APlainResourceResolvesToItselfAndHasNoFamily()
    {
        var template = ResourceTemplate.Parse("widgets");
        Assert.False(template.HasPlaceholders);
        Assert.Null(template.Family);
        Assert.True(template.TryResolve(new RouteValueDictionary(), out var resource));
        Assert.Equal("widgets", resource);
    }

    [Theory]
    [InlineData("protein:{slug}", "slug", "EGFP", "protein:egfp")]
    [InlineData("protein:{slug}", "slug", "mCherry2", "protein:mcherry2")]
    [InlineData("spectrum:{id}", "id", 42, "spectrum:42")]
    public void APlaceholderIsFilledFromTheRouteValueLowerCased(string text, string key, object value, string expected)
    {
        var template = ResourceTemplate.Parse(text);
        Assert.True(template.HasPlaceholders);
        Assert.True(template.TryResolve(new RouteValueDictionary { [key] = value }, out var resource));
        Assert.Equal(expected, resource);
    }

    [Theory]
    [InlineData("66")]
    [InlineData("066")]
    [InlineData("+66")]
    [InlineData(" 66")]
    [InlineData("0066 ")]
    public void AnIntPlaceholderIsTheNumberTheIntRouteConstraintAccepts(string value)
    {
        var template = ResourceTemplate.Parse("reference:{id:int}");
        Assert.Equal([("id", true)], template.Placeholders);
        Assert.Equal("reference:*", template.Family);
        Assert.True(template.TryResolve(new RouteValueDictionary { ["id"] = value }, out var resource));
        Assert.Equal("reference:66", resource);
    }

    [Fact]
    public void AnIntPlaceholderThatIsNoIntCannotBeResolvedAndOtherConstraintsAreRefused()
    {
        Assert.False(ResourceTemplate.Parse("reference:{id:int}").TryResolve(new RouteValueDictionary { ["id"] = "6x" }, out _));
        Assert.Throws<FormatException>(() => ResourceTemplate.Parse("reference:{id:guid}"));
    }

    [Fact]
    public void SeveralPlaceholdersAreAllFilled()
    {
        var template = ResourceTemplate.Parse("config:{scope}/{id}");
        Assert.True(template.TryResolve(new RouteValueDictionary { ["scope"] = "Lab", ["id"] = "X1" }, out var resource));
        Assert.Equal("config:lab/x1", resource);
    }

    [Theory]
    [InlineData("protein:{slug}", "protein:*")]
    [InlineData("spectrum:{id}", "spectrum:*")]
    public void APerRowTemplateDependsOnItsFamily(string text, string family)
        => Assert.Equal(family, ResourceTemplate.Parse(text).Family);

    [Fact]
    public void AMissingOrEmptyRouteValueCannotBeResolved()
    {
        var template = ResourceTemplate.Parse("protein:{slug}");
        Assert.False(template.TryResolve(new RouteValueDictionary(), out _));
        Assert.False(template.TryResolve(new RouteValueDictionary { ["slug"] = string.Empty }, out _));
        Assert.False(template.TryResolve(new RouteValueDictionary { ["slug"] = null }, out _));
        Assert.False(template.TryResolve(new RouteValueDictionary { ["other"] = "egfp" }, out _));
    }

    [Fact]
    public void AnUnclosedPlaceholderIsRefusedWhenParsed()
        => Assert.Throws<FormatException>(() => ResourceTemplate.Parse("protein:{slug"));

    [Fact]
    public void ResourceNamesBuildRowsAndFamiliesTheSameWay()
    {
        Assert.Equal("protein:egfp", ResourceNames.Row("protein", "EGFP"));
        Assert.Equal("spectrum:42", ResourceNames.Row("spectrum", 42));
        Assert.Equal("protein:*", ResourceNames.FamilyOf("protein"));

        ResourceTemplate.Parse("protein:{slug}").TryResolve(new RouteValueDictionary { ["slug"] = "EGFP" }, out var resolved);
        Assert.Equal(ResourceNames.Row("protein", "EGFP"), resolved);
    }
}
