SELECT CASE WHEN "amount" >= CAST('1000' AS DECIMAL(38, 8)) THEN 3 WHEN "amount" >= CAST('100.5' AS DECIMAL(38, 8)) THEN 2 WHEN "amount" >= CAST('0' AS DECIMAL(38, 8)) THEN 1 ELSE 0 END AS bucket, count(*) AS events, count(DISTINCT user_id) AS users
FROM (SELECT event, time_ms, insert_id, coalesce(sextant_linked_login_id, distinct_id) AS user_id, "amount", "vip"
FROM events_demo LEFT JOIN (SELECT anonymous_id AS sextant_linked_anonymous_id, login_id AS sextant_linked_login_id
FROM id_links_demo) ON distinct_id = sextant_linked_anonymous_id
WHERE time_ms >= 1772380800000 AND time_ms < 1772985600000 AND (1 = 1) AND ((event IN ('Invest') AND coalesce(("vip" = TRUE), FALSE)) AND ("amount" IS NOT NULL))) AS e
GROUP BY bucket;
