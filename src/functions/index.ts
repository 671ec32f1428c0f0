/**
 * The custom functions entry: Excel loads this before any UI, so it imports
 * the engine and the function families only (no React, no DOM). The metadata
 * plugin appends each family's `CustomFunctions.associate` calls.
 */
import "./calendar";
import "./valuation";
import "./investment";
import "./options";
import "./distributionTerms";
import "./elections";
import "./reserve";
import "./retention";
import "./accounts";
import "./payouts";
import "./claims";
