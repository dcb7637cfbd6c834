// Validates an OpenAPI document against the official OpenAPI 3.0/3.1 JSON schemas
// (@seriousme/openapi-schema-validator). Usage: node validate-openapi.mjs api.json
// Prints {"version": "...", "valid": bool, "errors": [...]} and exits 1 when invalid.
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';

const document = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const validator = new Validator();
const result = await validator.validate(document);
process.stdout.write(JSON.stringify({ version: validator.version, valid: result.valid, errors: result.errors ?? [] }));
process.exitCode = result.valid ? 0 : 1;
