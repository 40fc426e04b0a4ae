using RecordingGen.Internal;
namespace RecordingGen
{
    /// <summary>A tool (function) the request offered to the model.</summary>
    public sealed class ToolDefinition
    {
        private readonly JsonText _parameters;

        /// <summary>Creates a tool definition. Generated fixtures create these; tests rarely need to.</summary>
        public ToolDefinition(string name, string? description, string parametersJson)
            : this(name, description, JsonText.FromString(parametersJson))
        {
        }

        internal ToolDefinition(string name, string? description, JsonText parameters)
        {
            Name = name;
            Description = description;
            _parameters = parameters;
        }

        /// <summary>The tool's name.</summary>
        public string Name { get; }

        /// <summary>The tool's description, or null when it has none.</summary>
        public string? Description { get; }

        /// <summary>The JSON schema of the tool's parameters; <c>{}</c> when the tool declares none.</summary>
        public string ParametersJson => _parameters.Value ?? "{}";

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
