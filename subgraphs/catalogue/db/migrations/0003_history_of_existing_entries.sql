-- Entries published before version history existed get their current version
-- recorded, so MicroCredential.history is never empty for a public entry.
-- The JSON has the shape entryInputOf (entryInput.ts) gives later versions.
INSERT INTO micro_credential_versions (slug, version, status, entry)
SELECT
  mc.slug,
  mc.version,
  mc.status,
  jsonb_build_object(
    'slug', mc.slug,
    'externalCode', mc.external_code,
    'title', mc.title,
    'titleFr', mc.title_fr,
    'description', mc.description,
    'descriptionFr', mc.description_fr,
    'languages', to_jsonb(mc.languages),
    'learningOutcomes', mc.learning_outcomes,
    'skills', mc.skills,
    'occupations', mc.occupations,
    'cip', jsonb_build_object('code', mc.cip_code, 'title', mc.cip_title),
    'instructionalHours', mc.instructional_hours,
    'durationWeeks', mc.duration_weeks,
    'creditBearing', mc.credit_bearing,
    'credits', mc.credits,
    'deliveryMode', mc.delivery_mode,
    'assessment', mc.assessment,
    'supervision', mc.supervision,
    'prerequisites', mc.prerequisites,
    'qualityAssurance', mc.quality_assurance,
    'awards', mc.awards,
    'stackability', mc.stackability,
    'offerings', COALESCE((
      SELECT jsonb_agg(jsonb_build_object(
        'code', o.code,
        'startDate', to_char(o.start_date, 'YYYY-MM-DD'),
        'endDate', to_char(o.end_date, 'YYYY-MM-DD'),
        'location', o.location,
        'online', o.online,
        'priceCad', o.price_cad::float8,
        'registrationUrl', o.registration_url
      ) ORDER BY o.start_date, o.code)
      FROM offerings o WHERE o.micro_credential_slug = mc.slug
    ), '[]'::jsonb),
    'osapEligible', mc.osap_eligible,
    'partners', mc.partners,
    'transferContact', mc.transfer_contact,
    'courseOutlineUrl', mc.course_outline_url,
    'status', mc.status,
    'effectiveDate', to_char(mc.effective_date, 'YYYY-MM-DD'),
    'expiryDate', to_char(mc.expiry_date, 'YYYY-MM-DD'),
    'reviewDate', to_char(mc.review_date, 'YYYY-MM-DD'),
    'sunsetReason', mc.sunset_reason
  )
FROM micro_credentials mc
WHERE mc.status <> 'DRAFT'
ON CONFLICT DO NOTHING;
