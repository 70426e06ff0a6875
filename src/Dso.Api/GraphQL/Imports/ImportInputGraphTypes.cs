using Dso.Api.GraphQL.Common;
using Dso.Domain.Imports;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Imports;

/// <summary>The input of startImport.</summary>
public sealed class StartImportInputGraphType : InputObjectGraphType
{
    public StartImportInputGraphType()
    {
        Name = "StartImportInput";
        Field<NonNullGraphType<UploadScalar>>("file").Description("A CSV or XLSX file.");
        Field<JsonScalar>("mapping").Description("The mapping (domain-rules §2); or give mappingName.");
        Field<StringGraphType>("mappingName").Description("A mapping saved with saveImportMapping.");
        Field<NonNullGraphType<EnumerationGraphType<ImportMode>>>("mode");
        Field<StringGraphType>("source").Description("Default: file:<mappingName>.");
        Field<DateScalar>("asOf").Description("The day the file reflects (default: the day it runs): not in the future, not before the source's last import.");
    }
}

/// <summary>The payload of startImport.</summary>
public sealed class StartImportPayloadGraphType() : PayloadGraphType<ImportJobGraphType, ImportJob>("StartImportPayload", "job");

/// <summary>The input of saveImportMapping.</summary>
public sealed class SaveImportMappingInputGraphType : InputObjectGraphType
{
    public SaveImportMappingInputGraphType()
    {
        Name = "SaveImportMappingInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<JsonScalar>>("mapping");
    }
}

/// <summary>The payload of saveImportMapping.</summary>
public sealed class SaveImportMappingPayloadGraphType()
    : PayloadGraphType<ImportMappingGraphType, SavedImportMapping>("SaveImportMappingPayload", "importMapping");
