// Transitional: the command-line workflow in Simulations/ and Commands/ is moving to SelfLearn.Agents/Experiments
// (issue 9, item 2) and still spells the Tuner commands by their old names. Delete this file once it has moved.
global using ActivateConfigVersion = SelfLearn.Agents.Tuner.ActivateVersion;
global using CreateConfigVersion = SelfLearn.Agents.Tuner.CreateVersion;
global using RegisterExperimentCommand = SelfLearn.Agents.Tuner.RegisterExperiment;
global using OpenDeployment = SelfLearn.Agents.Tuner.OpenDeployment;
